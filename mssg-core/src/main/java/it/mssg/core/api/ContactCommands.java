package it.mssg.core.api;

/** Changing contacts. */
public interface ContactCommands {

    /**
     * @throws InvalidInputException the number is invalid
     * @throws ConflictException     a contact with that number exists already
     */
    ContactView create(NewContact contact);

    /** @throws NotFoundException the contact or one of the tags does not exist */
    ContactView update(long id, ContactEdit edit);

    /**
     * Deletes the contact with its tags, custom fields and reminders, and cancels what still waits to be sent to it;
     * its chats and messages stay.
     *
     * @throws NotFoundException no such contact
     * @throws ConflictException the contact opted out: it is kept, so that nothing is ever sent to the number again
     */
    void delete(long id);

    /** @return how many contacts gained the tag (those that had it already are not counted) */
    int tag(BulkTagging command);

    /** @return how many contacts lost the tag */
    int untag(BulkTagging command);
}
