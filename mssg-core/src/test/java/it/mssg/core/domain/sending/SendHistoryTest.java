package it.mssg.core.domain.sending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SendHistoryTest {

    private static final SendTimeline TIMES = SendTimeline.of(new long[]{50, 10, 30, 30, 20, 40}, 6);

    @ParameterizedTest(name = "after {0}: {1}, from {0}: {2}")
    @CsvSource({
            "0,  6, 6",
            "10, 5, 6",
            "29, 4, 4",
            "30, 2, 4",
            "50, 0, 1",
            "51, 0, 0",
            "-9223372036854775808, 6, 6",
    })
    void countsAreBinarySearchesOverSortedTimes(long millis, int after, int from) {
        assertThat(TIMES.countAfter(millis)).isEqualTo(after);
        assertThat(TIMES.countFrom(millis)).isEqualTo(from);
    }

    @Test
    void sortedLastAndAppend() {
        assertThat(TIMES.get(0)).isEqualTo(10);
        assertThat(TIMES.last()).isEqualTo(50);
        SendTimeline copy = TIMES.mutableCopy();
        copy.append(60);
        assertThat(copy.size()).isEqualTo(7);
        assertThat(TIMES.size()).isEqualTo(6);
        assertThatIllegalArgumentException().isThrownBy(() -> copy.append(5));
        assertThat(SendTimeline.of(new long[0], 0).last()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void keepsTheLatestSendPerRecipientAndPerText() {
        Instant t1 = Instant.parse("2026-12-02T08:00:00Z");
        Instant t2 = Instant.parse("2026-12-02T09:00:00Z");
        SendHistory history = SendHistory.builder()
                .sent("alice", t2, 7, false)
                .sent("alice", t1, 7, true)
                .sent("alice", t1, 8, false)
                .failureStreak(2)
                .build();

        assertThat(history.lastSendTo("alice")).isEqualTo(t2.toEpochMilli());
        assertThat(history.lastSendOf("alice", 7)).isEqualTo(t2.toEpochMilli());
        assertThat(history.lastSendOf("alice", 8)).isEqualTo(t1.toEpochMilli());
        assertThat(history.lastSendOf("alice", 9)).isEqualTo(Long.MIN_VALUE);
        assertThat(history.lastSendTo("bob")).isEqualTo(Long.MIN_VALUE);
        assertThat(history.sendCount()).isEqualTo(3);
        assertThat(history.cold().size()).isEqualTo(1);
        assertThat(history.failureStreak()).isEqualTo(2);
        assertThatIllegalArgumentException().isThrownBy(() -> SendHistory.builder().failureStreak(-1));
    }

    @Test
    void aBuiltHistoryDoesNotChangeWhenItsBuilderIsUsedAgain() {
        Instant t1 = Instant.parse("2026-12-02T08:00:00Z");
        SendHistory.Builder builder = SendHistory.builder().sent("alice", t1, 7, false);
        SendHistory built = builder.build();

        builder.sent("alice", t1.plusSeconds(60), 8, true);

        assertThat(built.lastSendTo("alice")).isEqualTo(t1.toEpochMilli());
        assertThat(built.lastSendOf("alice", 8)).isEqualTo(Long.MIN_VALUE);
        assertThat(built.sendCount()).isEqualTo(1);
        assertThat(builder.build().sendCount()).isEqualTo(2);
    }

    @Test
    void eachBuiltHistoryKeepsTheSendsItWasBuiltWith() {
        Instant t1 = Instant.parse("2026-12-02T08:00:00Z");
        SendHistory.Builder builder = SendHistory.builder().sent("alice", t1, 7, false).sent("bob", t1, 7, false);
        SendHistory first = builder.build();
        builder.sent("alice", t1.plusSeconds(60), 7, false);
        SendHistory second = builder.build();
        builder.sent("alice", t1.plusSeconds(120), 8, false).sent("bob", t1.plusSeconds(120), 7, false);
        SendHistory third = builder.build();

        assertThat(first.lastSendTo("alice")).isEqualTo(t1.toEpochMilli());
        assertThat(second.lastSendTo("alice")).isEqualTo(t1.plusSeconds(60).toEpochMilli());
        assertThat(second.lastSendOf("alice", 8)).isEqualTo(Long.MIN_VALUE);
        assertThat(third.lastSendOf("alice", 8)).isEqualTo(t1.plusSeconds(120).toEpochMilli());
        assertThat(first.lastSendTo("bob")).isEqualTo(t1.toEpochMilli());
        assertThat(second.lastSendTo("bob")).isEqualTo(t1.toEpochMilli());
        assertThat(third.lastSendTo("bob")).isEqualTo(t1.plusSeconds(120).toEpochMilli());
    }

    @Test
    void growsPastItsInitialCapacity() {
        SendHistory.Builder builder = SendHistory.builder();
        for (int i = 0; i < 1000; i++) {
            builder.sent("r" + (i % 10), Instant.ofEpochSecond(1000 - i), i, i % 2 == 0);
        }
        SendHistory history = builder.build();

        assertThat(history.sendCount()).isEqualTo(1000);
        assertThat(history.cold().size()).isEqualTo(500);
        assertThat(history.all().get(0)).isEqualTo(1_000L);
    }
}
