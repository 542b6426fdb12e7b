package it.mssg.core.domain.sending;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * A daily window of local wall-clock time, in the user's zone, when automated messages are not sent.
 * {@code start} is included, {@code end} excluded; {@code start} after {@code end} means the window crosses
 * midnight (the usual case, e.g. 21:00–08:00). Computed on local time of each instant, so DST days are simply
 * an hour shorter or longer; an end that falls in a spring-forward gap ends the window at the jump.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours start and end are equal (" + start
                    + "); to send at any time, configure no quiet hours");
        }
    }

    public boolean crossesMidnight() {
        return start.isAfter(end);
    }

    public boolean contains(Instant instant, ZoneId zone) {
        return containsLocal(instant.atZone(zone).toLocalTime());
    }

    private boolean containsLocal(LocalTime time) {
        if (crossesMidnight()) {
            return !time.isBefore(start) || time.isBefore(end);
        }
        return !time.isBefore(start) && time.isBefore(end);
    }

    /**
     * The first instant at or after {@code instant} outside quiet hours: {@code instant} itself when it is not
     * quiet, else the next local {@code end}.
     */
    public Instant nextAllowed(Instant instant, ZoneId zone) {
        ZonedDateTime here = instant.atZone(zone);
        LocalTime time = here.toLocalTime();
        if (!containsLocal(time)) {
            return instant;
        }
        LocalDate endDate = here.toLocalDate();
        if (crossesMidnight() && !time.isBefore(start)) {
            endDate = endDate.plusDays(1);
        }
        return firstInstantAt(LocalDateTime.of(endDate, end), zone, instant);
    }

    /**
     * The first instant not before {@code notBefore} at which a local time happens: in a DST gap the moment of
     * the jump; in an overlap the first occurrence, or the second when the first is already past.
     */
    static Instant firstInstantAt(LocalDateTime local, ZoneId zone, Instant notBefore) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        Instant first = local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
        return first.isBefore(notBefore) ? local.atZone(zone).withLaterOffsetAtOverlap().toInstant() : first;
    }
}
