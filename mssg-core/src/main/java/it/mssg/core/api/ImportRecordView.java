package it.mssg.core.api;

import java.time.Instant;

/**
 * A committed CSV import, as kept in the import history.
 *
 * @param created   contacts it added
 * @param merged    stored contacts it filled in
 * @param skipped   rows it did not import
 * @param undoneAt  when the contacts it added were removed again, or null
 * @param removed   how many were removed then, or null
 */
public record ImportRecordView(long id, String fileName, Instant committedAt, int created, int merged, int skipped,
                               Instant undoneAt, Integer removed) {

    public boolean undone() {
        return undoneAt != null;
    }

    /** Whether there is anything to undo: it added contacts, and they were not removed yet. */
    public boolean undoable() {
        return !undone() && created > 0;
    }
}
