package it.mssg.core.domain.sending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GovernorSettingsTest {

    private static it.mssg.core.api.GovernorSettingsView viewOfDefaults() {
        return it.mssg.core.api.GovernorSettingsView.of(GovernorSettings.defaults());
    }

    @Test
    void defaultsAreSaneAndStricterForFirstContacts() {
        GovernorSettings d = GovernorSettings.defaults();

        assertThat(d.firstContactSpacing().min()).isGreaterThan(d.spacing().min());
        assertThat(d.spacing().min()).isGreaterThan(d.replySpacing().min());
        assertThat(d.warmUp().stepOn(0).perDay()).isLessThanOrEqualTo(50);
        assertThat(d.warmUp().stepOn(d.warmUp().endsOnDay())).isNull();
        assertThat(d.coldPerDay()).isLessThan(d.perDay());
        assertThat(d.historyLookback()).isEqualTo(Duration.ofHours(26));
        assertThat(d.withRecipientGap(Duration.ofDays(2)).historyLookback()).isEqualTo(Duration.ofDays(2));
    }

    @ParameterizedTest(name = "caps {0}/min {1}/h {2}/day: {3}")
    @CsvSource({
            "0,  30, 200, at least 1",
            "6,  0,  200, at least 1",
            "6,  30, 0,   at least 1",
            "31, 30, 200, a longer window must allow at least as many",
            "6,  300, 200, a longer window must allow at least as many",
    })
    void badCapsAreRefused(int perMinute, int perHour, int perDay, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> GovernorSettings.defaults().withCaps(perMinute, perHour, perDay))
                .withMessageContaining(message);
    }

    @Test
    void otherBadValuesAreRefused() {
        GovernorSettings d = GovernorSettings.defaults();
        assertThatIllegalArgumentException().isThrownBy(() -> d.withColdPerDay(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> d.withFailuresBeforePause(0));
        assertThatIllegalArgumentException().isThrownBy(() -> d.withRecipientGap(Duration.ofSeconds(-1)));
        // too large: a huge pause or window once overflowed the governor's arithmetic and stopped all sending
        assertThatIllegalArgumentException().isThrownBy(() -> d.withRecipientGap(Duration.ofDays(8)))
                .withMessageContaining("at most 7 days");
        assertThatIllegalArgumentException().isThrownBy(() -> d.withCaps(60, 1_000, 100_001))
                .withMessageContaining("at most 100000 messages a day");
        assertThatIllegalArgumentException().isThrownBy(() -> d.withFailuresBeforePause(101));
        assertThatIllegalArgumentException().isThrownBy(() -> SpacingRange.ofSeconds(0, 86_401))
                .withMessageContaining("at most 24 h");
        assertThat(SpacingRange.ofSeconds(0, 86_400).max()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void hugeNumbersFromAFormOrTheApiAreRefusedByNameNotOverflowed() {
        it.mssg.core.api.GovernorSettingsView d = viewOfDefaults();
        it.mssg.core.api.GovernorSettingsView huge = new it.mssg.core.api.GovernorSettingsView(d.replySpacingMinSeconds(),
                d.replySpacingMaxSeconds(), d.spacingMinSeconds(), Long.MAX_VALUE, d.firstContactSpacingMinSeconds(),
                d.firstContactSpacingMaxSeconds(), d.perMinute(), d.perHour(), d.perDay(), d.warmUp(), d.quietStart(),
                d.quietEnd(), d.recipientGapMinutes(), d.duplicateWindowHours(), d.coldPerDay(), d.failuresBeforePause(),
                d.conversationWindowHours(), d.replyReservePercent());
        assertThatThrownBy(huge::toSettings).isInstanceOf(it.mssg.core.api.InvalidInputException.class)
                .hasMessageContaining("a pause can be at most 86400 seconds");
        it.mssg.core.api.GovernorSettingsView gap = new it.mssg.core.api.GovernorSettingsView(d.replySpacingMinSeconds(),
                d.replySpacingMaxSeconds(), d.spacingMinSeconds(), d.spacingMaxSeconds(), d.firstContactSpacingMinSeconds(),
                d.firstContactSpacingMaxSeconds(), d.perMinute(), d.perHour(), d.perDay(), d.warmUp(), d.quietStart(),
                d.quietEnd(), Long.MAX_VALUE, d.duplicateWindowHours(), d.coldPerDay(), d.failuresBeforePause(),
                d.conversationWindowHours(), d.replyReservePercent());
        assertThatThrownBy(gap::toSettings).isInstanceOf(it.mssg.core.api.InvalidInputException.class)
                .hasMessageContaining("to one person").hasMessageContaining("at most 10080 minutes");
    }

    @ParameterizedTest(name = "spacing {0}-{1} s: {2}")
    @CsvSource({
            "30, 30, a fixed interval",
            "30, 10, a fixed interval",
            "-1, 10, must not be negative",
            // in the screen's words: seconds and minutes, not ISO-8601 (PT1M30S)
            "90, 10, 'the longest pause (10 s) must be longer than the shortest (1 min 30 s)'",
            "3600, 3600, 'the longest pause (1 h) must be longer than the shortest (1 h)'",
    })
    void fixedOrInvertedSpacingIsRefused(long min, long max, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> SpacingRange.ofSeconds(min, max))
                .withMessageContaining(message);
    }

    @Test
    void spacingDrawsCoverTheWholeRange() {
        SpacingRange range = SpacingRange.ofSeconds(1, 2);
        SplittableRandom random = new SplittableRandom(7);
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (int i = 0; i < 20_000; i++) {
            long drawn = range.drawMillis(random);
            lowest = Math.min(lowest, drawn);
            highest = Math.max(highest, drawn);
        }
        assertThat(lowest).isBetween(1000L, 1005L);
        assertThat(highest).isBetween(1995L, 2000L);
        assertThat(range.meanMillis()).isEqualTo(1500);
    }

    @ParameterizedTest(name = "day {0}: {1}/h {2}/day")
    @CsvSource({
            "-1, 8,  25",    // a link time in the future (clock jump) counts as day 0
            "0,  8,  25",
            "2,  8,  25",
            "3,  12, 50",
            "6,  12, 50",
            "7,  20, 100",
            "13, 20, 100",
            "14, 25, 150",
            "27, 25, 150",
    })
    void defaultWarmUpSteps(long day, int perHour, int perDay) {
        assertThat(GovernorSettings.defaults().warmUp().stepOn(day)).isEqualTo(new WarmUp.Step((int) Math.max(0,
                day < 3 ? 0 : day < 7 ? 3 : day < 14 ? 7 : 14), perHour, perDay));
    }

    @Test
    void warmUpEndsAndCanBeSwitchedOff() {
        assertThat(GovernorSettings.defaults().warmUp().stepOn(28)).isNull();
        assertThat(WarmUp.none().stepOn(0)).isNull();
    }

    @Test
    void badWarmUpsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WarmUp(List.of(new WarmUp.Step(1, 5, 10)), 10))
                .withMessageContaining("day 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new WarmUp(List.of(
                new WarmUp.Step(0, 5, 10), new WarmUp.Step(0, 6, 12)), 10)).withMessageContaining("increasing days");
        assertThatIllegalArgumentException().isThrownBy(() -> new WarmUp(List.of(
                new WarmUp.Step(0, 5, 10), new WarmUp.Step(3, 4, 12)), 10)).withMessageContaining("must not go down");
        assertThatIllegalArgumentException().isThrownBy(() -> new WarmUp(List.of(new WarmUp.Step(0, 5, 10)), 0))
                .withMessageContaining("end after");
        assertThatIllegalArgumentException().isThrownBy(() -> new WarmUp.Step(0, 0, 10));
    }
}
