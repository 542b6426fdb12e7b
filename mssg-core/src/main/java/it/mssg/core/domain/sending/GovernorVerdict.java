package it.mssg.core.domain.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The governor's answer for one outbox entry.
 *
 * <ul>
 *   <li>{@link Decision#ALLOW}: send at {@code at} (now, or after a random pause of at most the spacing range);
 *       the caller commits to that time and calls {@link SendGovernor#confirm} just before sending.</li>
 *   <li>{@link Decision#WAIT}: a cap, quiet hours, the recipient gap or the cold budget holds the entry; ask
 *       again at {@code at}.</li>
 *   <li>{@link Decision#HOLD}: sending is paused until something changes (session READY again, the user resumes
 *       after failures); {@code at} is null.</li>
 *   <li>{@link Decision#BLOCK}: this entry must not be sent (opted out, duplicate); {@code at} is null.</li>
 * </ul>
 */
public record GovernorVerdict(Decision decision, GovernorReason reason, Instant at) {

    public enum Decision { ALLOW, WAIT, HOLD, BLOCK }

    public GovernorVerdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        boolean timed = decision == Decision.ALLOW || decision == Decision.WAIT;
        if (timed != (at != null)) {
            throw new IllegalArgumentException(decision + " " + (timed ? "needs" : "takes no") + " instant");
        }
        if ((decision == Decision.ALLOW) != (reason == GovernorReason.OK)) {
            throw new IllegalArgumentException("ALLOW goes with OK and only with OK, not " + decision + "/" + reason);
        }
    }

    public static GovernorVerdict allow(Instant at) {
        return new GovernorVerdict(Decision.ALLOW, GovernorReason.OK, at);
    }

    public static GovernorVerdict waitUntil(Instant at, GovernorReason reason) {
        return new GovernorVerdict(Decision.WAIT, reason, at);
    }

    public static GovernorVerdict hold(GovernorReason reason) {
        return new GovernorVerdict(Decision.HOLD, reason, null);
    }

    public static GovernorVerdict block(GovernorReason reason) {
        return new GovernorVerdict(Decision.BLOCK, reason, null);
    }

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }

    /** How long from {@code now} until {@code at}; zero for HOLD and BLOCK or when {@code at} is past. */
    public Duration delayFrom(Instant now) {
        if (at == null || !at.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, at);
    }
}
