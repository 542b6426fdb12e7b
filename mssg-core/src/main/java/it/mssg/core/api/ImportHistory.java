package it.mssg.core.api;

import java.util.List;

/**
 * The committed CSV imports, and undoing one: removing the contacts it added that nobody has touched since. Contacts
 * it filled in (DuplicatePolicy.MERGE) keep what it added, and tags it created stay.
 */
public interface ImportHistory {

    /** The latest imports, newest first. */
    List<ImportRecordView> recent(int limit);

    /**
     * What undoing the import would do now; changes nothing.
     *
     * @throws NotFoundException no such import
     */
    ImportUndoView undoPlan(long importId);

    /**
     * Removes the contacts the import added except those kept by {@link ImportUndoView}'s rules, in one transaction,
     * and cancels what still waits to be sent to them. Publishes {@link ContactsRemoved}.
     *
     * @throws NotFoundException no such import
     * @throws ConflictException it was undone already, or it added no contact
     */
    ImportUndoView undo(long importId);
}
