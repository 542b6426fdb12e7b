package it.mssg.core.domain.sending;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The pause between two sends, drawn uniformly from [min, max] each time. {@code max} must be greater than
 * {@code min}: a fixed interval is the classic bot signature, so it cannot be configured.
 */
public record SpacingRange(Duration min, Duration max) {

    public SpacingRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative()) {
            throw new IllegalArgumentException("spacing min must not be negative: " + min);
        }
        if (max.compareTo(min) <= 0) {
            throw new IllegalArgumentException("spacing max (" + max + ") must be greater than min (" + min
                    + "): a fixed interval between sends looks like a bot");
        }
    }

    public static SpacingRange ofSeconds(long min, long max) {
        return new SpacingRange(Duration.ofSeconds(min), Duration.ofSeconds(max));
    }

    /** A uniformly drawn pause in milliseconds, min and max included. */
    long drawMillis(RandomGenerator random) {
        return random.nextLong(min.toMillis(), max.toMillis() + 1);
    }

    long meanMillis() {
        return (min.toMillis() + max.toMillis()) / 2;
    }
}
