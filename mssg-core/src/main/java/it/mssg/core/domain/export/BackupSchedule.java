package it.mssg.core.domain.export;

import java.time.Duration;
import java.time.Instant;

/**
 * When the first scheduled backup of a run is due. A backup copies the whole database (about a minute of one
 * core for 100k contacts and 1M messages), so it never runs while the app is starting, syncing or being used
 * for the first time: it waits until the newest backup is one period old, and at least {@link #SETTLE} after
 * start (or one period, when the period is shorter, as in tests).
 */
public final class BackupSchedule {

    /** The quiet time after start before a scheduled backup may run. */
    public static final Duration SETTLE = Duration.ofMinutes(15);

    private BackupSchedule() {
    }

    /**
     * @param now    the time the app started its schedule
     * @param newest the newest backup on disk, or null when there is none
     * @param every  the period between backups; positive
     */
    public static Duration firstDelay(Instant now, Instant newest, Duration every) {
        Duration settle = every.compareTo(SETTLE) < 0 ? every : SETTLE;
        Duration untilDue = newest == null ? Duration.ZERO : Duration.between(now, newest.plus(every));
        return untilDue.compareTo(settle) > 0 ? untilDue : settle;
    }
}
