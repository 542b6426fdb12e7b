package it.mssg.core.domain.sending;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is left under each cap right now, for the chart on Home.
 *
 * @param warmUpDay  days since the number was linked (0 = the link day)
 * @param warmUpStep the warm-up step in force, or null when warm-up is over
 */
public record SendBudget(List<CapUsage> caps, long warmUpDay, WarmUp.Step warmUpStep) {

    public enum CapKind { MINUTE, HOUR, DAY, COLD_DAY }

    /**
     * @param limit     the cap in force (configured cap, lowered by warm-up where it applies)
     * @param used      sends counted against it now
     * @param resetsAt  when the count next goes down (oldest counted send leaves a rolling window, or the next
     *                  local midnight for daily caps); null when nothing is counted
     */
    public record CapUsage(CapKind kind, int limit, int used, Instant resetsAt) {
        public int left() {
            return Math.max(0, limit - used);
        }
    }

    public SendBudget {
        caps = List.copyOf(caps);
    }

    public CapUsage cap(CapKind kind) {
        for (CapUsage usage : caps) {
            if (usage.kind() == kind) {
                return usage;
            }
        }
        throw new IllegalArgumentException("no cap " + Objects.requireNonNull(kind));
    }

    /** How many could go right now before a cap holds them: the smallest of minute, hour and day left. */
    public int leftNow() {
        return Math.min(cap(CapKind.DAY).left(), Math.min(cap(CapKind.HOUR).left(), cap(CapKind.MINUTE).left()));
    }
}
