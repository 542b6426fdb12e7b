package it.mssg.core.domain.sending;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A compact read model of what this number sent recently, filled by the outbox from its sent entries of the
 * last {@link GovernorSettings#historyLookback()}. Built once per change, asked many times: caps are binary
 * searches over sorted send times, recipient rules are hash lookups, so a verdict is O(log n).
 *
 * <p>Times later than the governor's {@code now} (the clock went back) are treated as sent at {@code now}:
 * nothing goes out faster than the rules allow, and nothing stalls for the length of the jump.
 */
public final class SendHistory {

    private final SendTimeline all;
    private final SendTimeline cold;
    private final Map<String, RecipientSends> recipients;
    private final int failureStreak;
    private final Instant linkedAt;

    private SendHistory(Builder builder) {
        this.all = SendTimeline.of(builder.all, builder.allSize);
        this.cold = SendTimeline.of(builder.cold, builder.coldSize);
        // shares the builder's per-recipient sends: the builder copies one before changing it (copy on write),
        // so a builder used again later cannot change a built history, and a build does not copy every recipient
        this.recipients = new HashMap<>(builder.recipients);
        this.failureStreak = builder.failureStreak;
        this.linkedAt = builder.linkedAt;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SendHistory empty() {
        return builder().build();
    }

    SendTimeline all() {
        return all;
    }

    SendTimeline cold() {
        return cold;
    }

    /** Failed sends in a row since the last successful one or the user's last resume. */
    public int failureStreak() {
        return failureStreak;
    }

    /** When this WhatsApp number was first linked (first seen READY); null if unknown, which counts as today. */
    public Instant linkedAt() {
        return linkedAt;
    }

    public int sendCount() {
        return all.size();
    }

    /** Epoch millis of the last send to {@code recipient}, or Long.MIN_VALUE. */
    long lastSendTo(String recipient) {
        RecipientSends sends = recipients.get(recipient);
        return sends == null ? Long.MIN_VALUE : sends.lastSentAt;
    }

    /** Epoch millis of the last send of this text to {@code recipient}, or Long.MIN_VALUE. */
    long lastSendOf(String recipient, long fingerprint) {
        RecipientSends sends = recipients.get(recipient);
        if (sends == null) {
            return Long.MIN_VALUE;
        }
        Long at = sends.byFingerprint.get(fingerprint);
        return at == null ? Long.MIN_VALUE : at;
    }

    private static final class RecipientSends {
        private long lastSentAt = Long.MIN_VALUE;
        private final Map<Long, Long> byFingerprint = new HashMap<>(4);
        /** The builder's build count when this was made; once the builder has built since, a history shares it. */
        private final int builds;

        RecipientSends(int builds) {
            this.builds = builds;
        }

        RecipientSends copy(int builds) {
            RecipientSends copy = new RecipientSends(builds);
            copy.lastSentAt = lastSentAt;
            copy.byFingerprint.putAll(byFingerprint);
            return copy;
        }
    }

    public static final class Builder {
        private long[] all = new long[64];
        private int allSize;
        private long[] cold = new long[16];
        private int coldSize;
        private final Map<String, RecipientSends> recipients = new HashMap<>();
        private int failureStreak;
        private Instant linkedAt;
        /** How many histories this builder has built: its recipients' sends made before the last build are shared. */
        private int builds;

        private Builder() {
        }

        /**
         * One message that left (SENT or later).
         *
         * @param toCold whether the recipient had never written to us when it was sent
         */
        public Builder sent(String recipient, Instant at, long textFingerprint, boolean toCold) {
            Objects.requireNonNull(recipient, "recipient");
            long millis = at.toEpochMilli();
            if (allSize == all.length) {
                all = Arrays.copyOf(all, allSize * 2);
            }
            all[allSize++] = millis;
            if (toCold) {
                if (coldSize == cold.length) {
                    cold = Arrays.copyOf(cold, coldSize * 2);
                }
                cold[coldSize++] = millis;
            }
            RecipientSends sends = recipients.get(recipient);
            if (sends == null || sends.builds != builds) {
                sends = sends == null ? new RecipientSends(builds) : sends.copy(builds); // a built history shares the old one
                recipients.put(recipient, sends);
            }
            sends.lastSentAt = Math.max(sends.lastSentAt, millis);
            sends.byFingerprint.merge(textFingerprint, millis, Math::max);
            return this;
        }

        public Builder failureStreak(int failureStreak) {
            if (failureStreak < 0) {
                throw new IllegalArgumentException("failure streak must not be negative");
            }
            this.failureStreak = failureStreak;
            return this;
        }

        public Builder linkedAt(Instant linkedAt) {
            this.linkedAt = linkedAt;
            return this;
        }

        public SendHistory build() {
            SendHistory built = new SendHistory(this);
            builds++;
            return built;
        }
    }
}
