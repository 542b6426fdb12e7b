package it.mssg.core.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of backups ({@code mssg.data.*}). Restoring is a start-up option of its own:
 * {@code --mssg.restore=<backup file>}.
 *
 * @param backupEvery  how often a backup is taken while the app runs (0 = never on a schedule)
 * @param backupsKept  how many backups stay under {@code <data-dir>/backups/}; older ones are deleted
 */
@ConfigurationProperties("mssg.data")
public record DataProperties(
        @DefaultValue("1d") Duration backupEvery,
        @DefaultValue("7") int backupsKept) {

    public DataProperties {
        if (backupsKept < 1) throw new IllegalArgumentException("mssg.data.backups-kept must be at least 1");
        if (backupEvery.isNegative()) throw new IllegalArgumentException("mssg.data.backup-every must not be negative");
    }
}
