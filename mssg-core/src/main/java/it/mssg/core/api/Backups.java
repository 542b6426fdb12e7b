package it.mssg.core.api;

import java.util.List;

/**
 * Consistent online backups of the H2 database under {@code <data-dir>/backups/}, on a schedule and on
 * demand, kept N deep. Restore: start the app with {@code --mssg.restore=<backup file>} (applied before the
 * database opens). On PostgreSQL the database is not in the data folder: use {@code pg_dump}; {@link #supported()}
 * is false and {@link #backupNow()} refuses.
 */
public interface Backups {

    boolean supported();

    /** @throws ConflictException the database cannot be backed up here (PostgreSQL) */
    BackupView backupNow();

    /** Newest first. */
    List<BackupView> list();

    /** How many backups stay ({@code mssg.data.backups-kept}); older ones are deleted. */
    int kept();
}
