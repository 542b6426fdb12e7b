package it.mssg.core.api;

import java.time.Instant;

/**
 * One backup file.
 *
 * @param fileName the file's name under {@code <data-dir>/backups/}
 * @param path     its absolute path (what {@code --mssg.restore=} takes)
 */
public record BackupView(String fileName, String path, long bytes, Instant createdAt) {
}
