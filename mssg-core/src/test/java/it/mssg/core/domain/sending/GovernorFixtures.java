package it.mssg.core.domain.sending;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.random.RandomGenerator;

/** Shared clock, zone, settings and builders for the governor tests. */
final class GovernorFixtures {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** Wednesday 2 December 2026, 10:00 in Rome. */
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    static final String ALICE = "393331111111@c.us";
    static final String BOB = "393332222222@c.us";
    /** A contact who wrote to us a month ago: known, but not in a fresh conversation. */
    static final Instant LONG_AGO = NOW.minus(Duration.ofDays(30));

    private GovernorFixtures() {
    }

    /** Always draws the smallest value of a range. */
    static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long origin, long bound) {
            return origin;
        }
    };

    /** Always draws the largest value of a range. */
    static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return -1;
        }

        @Override
        public long nextLong(long origin, long bound) {
            return bound - 1;
        }
    };

    /**
     * Settings where every rule is out of the way (pauses of 0–1 ms, huge caps, no warm-up, quiet hours,
     * recipient gap, cold budget or reply reserve), so a test switches on just the rule it is about.
     */
    static GovernorSettings open() {
        SpacingRange tiny = new SpacingRange(Duration.ZERO, Duration.ofMillis(1));
        return GovernorSettings.defaults()
                .withSpacing(tiny, tiny, tiny)
                .withCaps(1_000, 10_000, 100_000)
                .withWarmUp(WarmUp.none())
                .withQuietHours(null)
                .withRecipientGap(Duration.ZERO)
                .withColdPerDay(100_000)
                .withReplyReservePercent(0);
    }

    static SendRequestFacts campaignTo(String recipient, String text) {
        return new SendRequestFacts(recipient, MessagePurpose.CAMPAIGN, TextFingerprint.of(text), LONG_AGO, null, true);
    }

    static SendRequestFacts facts(String recipient, MessagePurpose purpose, String text, Instant lastInboundAt) {
        return new SendRequestFacts(recipient, purpose, TextFingerprint.of(text), lastInboundAt, null, true);
    }

    /** {@code count} sends to distinct recipients at {@code first}, {@code first - step}, {@code first - 2 step}... */
    static SendHistory.Builder sendsBack(SendHistory.Builder builder, Instant first, Duration step, int count) {
        for (int i = 0; i < count; i++) {
            builder.sent("other-" + i + "@c.us", first.minus(step.multipliedBy(i)), i, false);
        }
        return builder;
    }
}
