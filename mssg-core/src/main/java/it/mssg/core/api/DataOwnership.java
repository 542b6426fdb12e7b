package it.mssg.core.api;

/** Deleting everything mssg keeps, in one action. */
public interface DataOwnership {

    /** What the user types to confirm. */
    String CONFIRMATION = "DELETE";

    /**
     * Stops the WhatsApp session, closes the database and removes the data folder's {@code db/},
     * {@code browser/}, {@code access-token}, {@code backups/} and {@code logs/} (on PostgreSQL the schema's
     * tables are dropped instead of {@code db/}). The app must then be restarted to begin again.
     *
     * @throws InvalidInputException {@code confirmation} is not exactly {@link #CONFIRMATION}
     */
    void deleteEverything(String confirmation);

    /** True once everything was deleted in this run: screens show "restart to begin again". */
    boolean everythingDeleted();
}
