package it.mssg.core.api;

/** Managing tags. */
public interface TagCommands {

    /** @throws ConflictException a tag with that name (ignoring case) exists */
    TagView create(NewTag tag);

    /** @throws NotFoundException no such tag; @throws ConflictException the new name is taken by another tag */
    TagView rename(long id, String newName);

    /** @param color {@code #rrggbb} */
    TagView recolor(long id, String color);

    /**
     * Deletes the tag and removes it from every contact.
     *
     * @return how many contacts carried it
     */
    int delete(long id);

    /**
     * Deletes every tag no contact has (an import undone, say, leaves its tags behind), except WhatsApp labels (the next
     * sync would bring them back) and tags a campaign's audience names (it would no longer start).
     *
     * @return how many tags were deleted
     */
    int deleteUnused();
}
