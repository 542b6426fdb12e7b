package it.mssg.core.domain.sending;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The pause between two sends, drawn uniformly from [min, max] each time. {@code max} must be greater than
 * {@code min}: a fixed interval is the classic bot signature, so it cannot be configured.
 */
public record SpacingRange(Duration min, Duration max) {

    /** The longest pause that can be set: a day between two messages is already no sending at all. */
    public static final Duration LONGEST = Duration.ofHours(24);

    public SpacingRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative()) {
            throw new IllegalArgumentException("the shortest pause must not be negative (you set " + words(min) + ")");
        }
        if (max.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the longest pause can be at most " + words(LONGEST) + " (you set "
                    + words(max) + "); to send nothing for a while, pause sending instead");
        }
        if (max.compareTo(min) <= 0) {
            throw new IllegalArgumentException("the longest pause (" + words(max) + ") must be longer than the shortest ("
                    + words(min) + "): a fixed interval between sends looks like a bot");
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

    /** 90 s → "1 min 30 s", as the settings screen asks for it (seconds), not ISO-8601's PT1M30S. */
    static String words(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 0) return "-" + words(d.negated());
        long h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
        String out = (h > 0 ? h + " h " : "") + (m > 0 ? m + " min " : "") + (s > 0 || seconds == 0 ? s + " s" : "");
        return out.strip();
    }
}
