package it.mssg.agent.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The hours in which the agent may send by itself, in the user's zone. {@code opens == closes} means always
 * open; {@code opens > closes} spans midnight (e.g. 20:00–02:00).
 */
public record ResponseWindow(LocalTime opens, LocalTime closes, ZoneId zone) {
    public ResponseWindow {
        if (opens == null || closes == null || zone == null) {
            throw new IllegalArgumentException("opens, closes and zone are required");
        }
    }

    public static ResponseWindow always(ZoneId zone) {
        return new ResponseWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }

    /** Inclusive at the opening minute, exclusive at the closing one. */
    public boolean isOpen(Instant now) {
        if (opens.equals(closes)) return true;
        LocalTime t = now.atZone(zone).toLocalTime();
        if (opens.isBefore(closes)) return !t.isBefore(opens) && t.isBefore(closes);
        return !t.isBefore(opens) || t.isBefore(closes);
    }
}
