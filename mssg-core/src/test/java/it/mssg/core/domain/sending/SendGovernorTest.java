package it.mssg.core.domain.sending;

import it.mssg.core.domain.sending.GovernorVerdict.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static it.mssg.core.domain.sending.GovernorFixtures.ALICE;
import static it.mssg.core.domain.sending.GovernorFixtures.BOB;
import static it.mssg.core.domain.sending.GovernorFixtures.HIGHEST;
import static it.mssg.core.domain.sending.GovernorFixtures.LONG_AGO;
import static it.mssg.core.domain.sending.GovernorFixtures.LOWEST;
import static it.mssg.core.domain.sending.GovernorFixtures.NOW;
import static it.mssg.core.domain.sending.GovernorFixtures.ROME;
import static it.mssg.core.domain.sending.GovernorFixtures.campaignTo;
import static it.mssg.core.domain.sending.GovernorFixtures.facts;
import static it.mssg.core.domain.sending.GovernorFixtures.open;
import static it.mssg.core.domain.sending.GovernorFixtures.sendsBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Percentage.withPercentage;

class SendGovernorTest {

    private final SendGovernor governor = new SendGovernor(LOWEST);

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
    }

    // ---- caps -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} sends {1} apart, cap {2}/{3}: {4} {5} +{6}s")
    @CsvSource({
            // window,  step, sends, cap, decision, reason,     wait seconds after NOW
            "MINUTE,   10,    2,    3,   ALLOW,    OK,         0",
            "MINUTE,   10,    3,    3,   WAIT,     CAP_MINUTE, 30",   // exactly at the cap: the oldest leaves at +30 s
            "MINUTE,   10,    4,    3,   WAIT,     CAP_MINUTE, 30",   // one over (cap lowered): at +30 s two have left
            "MINUTE,   20,    3,    3,   ALLOW,    OK,         0",    // the third is exactly 60 s old: outside (t-60s, t]
            "HOUR,     300,   9,    10,  ALLOW,    OK,         0",
            "HOUR,     300,   10,   10,  WAIT,     CAP_HOUR,   600",
            "HOUR,     300,   11,   10,  WAIT,     CAP_HOUR,   600",   // at +10 min the two oldest have left
            "HOUR,     240,   12,   10,  WAIT,     CAP_HOUR,   1200",  // two over: at +20 min three have left
            "HOUR,     360,   11,   10,  ALLOW,    OK,         0",    // the 11th is exactly an hour old
    })
    void rollingCaps(String window, int stepSeconds, int sends, int cap, Decision decision, GovernorReason reason,
                     long waitSeconds) {
        // Sends 5-6 minutes apart never fill the minute cap, so the hour rows see only the hour cap.
        GovernorSettings settings = window.equals("MINUTE") ? open().withCaps(cap, 10_000, 100_000)
                : open().withCaps(cap, cap, 100_000);
        Instant first = NOW.minusSeconds(stepSeconds);
        SendHistory history = sendsBack(SendHistory.builder(), first, Duration.ofSeconds(stepSeconds), sends).build();

        GovernorVerdict verdict = governor.verdict(campaignTo(ALICE, "hi"), history, settings, NOW, ROME);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reason()).isEqualTo(reason);
        assertThat(verdict.at()).isEqualTo(NOW.plusSeconds(waitSeconds));
    }

    @ParameterizedTest(name = "{0} sends today, cap {1}: {2}")
    @CsvSource({
            "19, 20, ALLOW, OK",
            "20, 20, WAIT,  CAP_DAY",
            "21, 20, WAIT,  CAP_DAY",
    })
    void dailyCapCountsTheLocalCalendarDayAndReopensAtLocalMidnight(int sends, int cap, Decision decision,
                                                                      GovernorReason reason) {
        // Sends every 20 minutes from 09:40 back towards midnight, plus some yesterday that must not count.
        SendHistory.Builder builder = sendsBack(SendHistory.builder(), local("2026-12-02T09:40"), Duration.ofMinutes(20), sends);
        builder.sent("yesterday@c.us", local("2026-12-01T23:59:59"), 99, false);
        GovernorSettings settings = open().withCaps(cap, cap, cap);

        GovernorVerdict verdict = governor.verdict(campaignTo(ALICE, "hi"), builder.build(), settings, NOW, ROME);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reason()).isEqualTo(reason);
        assertThat(verdict.at()).isEqualTo(decision == Decision.ALLOW ? NOW : local("2026-12-03T00:00"));
    }

    @ParameterizedTest(name = "{0} with {1} sends this hour, cap 10, reserve {2}%: {3} {4}")
    @CsvSource({
            "CAMPAIGN,    7,  20, ALLOW, OK",
            "CAMPAIGN,    8,  20, WAIT,  CAP_HOUR",   // automated messages leave 2 of 10 for answers
            "SCHEDULED,   8,  20, WAIT,  CAP_HOUR",
            "REPLY,       8,  20, ALLOW, OK",
            "AGENT_REPLY, 9,  20, ALLOW, OK",
            "REPLY,       10, 20, WAIT,  CAP_HOUR",   // the cap itself holds for everyone
            "CAMPAIGN,    9,  0,  ALLOW, OK",
            "CAMPAIGN,    9,  10, WAIT,  CAP_HOUR",
            "CAMPAIGN,    9,  5,  ALLOW, OK",         // 5 % of 10 rounds down to nothing reserved
    })
    void automatedMessagesLeaveAReserveOfTheCapsForAnswers(MessagePurpose purpose, int sendsThisHour, int reserve,
                                                          Decision decision, GovernorReason reason) {
        GovernorSettings settings = open().withCaps(10, 10, 1000).withReplyReservePercent(reserve);
        SendHistory history = sendsBack(SendHistory.builder(), NOW.minusSeconds(60), Duration.ofMinutes(5), sendsThisHour).build();

        GovernorVerdict verdict = governor.verdict(facts(ALICE, purpose, "hi", NOW.minusSeconds(90)), history, settings, NOW, ROME);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @Test
    void theDailyReserveKeepsAnswersFlowingAfterACampaignFilledItsShare() {
        GovernorSettings settings = open().withCaps(10, 10, 20).withReplyReservePercent(20);
        SendHistory history = sendsBack(SendHistory.builder(), local("2026-12-02T09:30"), Duration.ofMinutes(20), 16).build();

        assertThat(governor.verdict(campaignTo(ALICE, "hi"), history, settings, NOW, ROME))
                .isEqualTo(GovernorVerdict.waitUntil(local("2026-12-03T00:00"), GovernorReason.CAP_DAY));
        assertThat(governor.verdict(facts(ALICE, MessagePurpose.REPLY, "hi", NOW.minusSeconds(9)), history, settings, NOW, ROME))
                .isEqualTo(GovernorVerdict.allow(NOW));
    }

    @ParameterizedTest(name = "{0}: day cap reopens at {1}")
    @CsvSource({
            // on the 23-hour and the 25-hour day the day still starts and ends at local midnight
            "2026-03-29T12:00:00+02:00, 2026-03-30T00:00:00+02:00",
            "2026-10-25T12:00:00+01:00, 2026-10-26T00:00:00+01:00",
            "2026-10-25T01:30:00+02:00, 2026-10-26T00:00:00+01:00",
    })
    void dailyCapOnDstDaysCountsFromLocalMidnight(OffsetDateTime now, OffsetDateTime reopens) {
        GovernorSettings settings = open().withCaps(3, 3, 3);
        Instant midnight = now.atZoneSameInstant(ROME).toLocalDate().atStartOfDay(ROME).toInstant();
        SendHistory history = SendHistory.builder()
                .sent("a@c.us", midnight, 1, false)
                .sent("b@c.us", midnight.plusSeconds(60), 2, false)
                .sent("c@c.us", midnight.plusSeconds(120), 3, false)
                .sent("z@c.us", midnight.minusSeconds(1), 4, false)   // the day before
                .build();

        GovernorVerdict verdict = governor.verdict(campaignTo(ALICE, "hi"), history, settings, now.toInstant(), ROME);

        assertThat(verdict).isEqualTo(GovernorVerdict.waitUntil(reopens.toInstant(), GovernorReason.CAP_DAY));
    }

    // ---- warm-up ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "day {0} with {1} sends in the last hour: {2} {3}")
    @CsvSource({
            // default warm-up: days 0-2 8/h, 3-6 12/h, 7-13 20/h, 14-27 25/h, from 28 the configured 30/h
            "0,  7,  ALLOW, OK",
            "0,  8,  WAIT,  WARM_UP_CAP",
            "2,  8,  WAIT,  WARM_UP_CAP",
            "3,  8,  ALLOW, OK",
            "3,  12, WAIT,  WARM_UP_CAP",
            "6,  12, WAIT,  WARM_UP_CAP",
            "7,  12, ALLOW, OK",
            "13, 20, WAIT,  WARM_UP_CAP",
            "14, 20, ALLOW, OK",
            "27, 25, WAIT,  WARM_UP_CAP",
            "28, 25, ALLOW, OK",
            "28, 29, ALLOW, OK",
            "28, 30, WAIT,  CAP_HOUR",
            "400, 30, WAIT, CAP_HOUR",
    })
    void warmUpLowersTheHourlyCapOnTheFirstDays(int day, int sendsLastHour, Decision decision, GovernorReason reason) {
        GovernorSettings defaults = GovernorSettings.defaults();
        GovernorSettings settings = open().withCaps(defaults.perMinute(), defaults.perHour(), defaults.perDay())
                .withWarmUp(defaults.warmUp());
        // 110 s apart: never more than one per minute, all within the last hour.
        SendHistory history = sendsBack(SendHistory.builder(), NOW.minusSeconds(30), Duration.ofSeconds(110), sendsLastHour)
                .linkedAt(NOW.minus(Duration.ofDays(day))).build();

        GovernorVerdict verdict = governor.verdict(campaignTo(ALICE, "hi"), history, settings, NOW, ROME);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "linked {0}: day {1}")
    @CsvSource({
            "2026-12-02T00:00, 0",
            "2026-12-01T23:59, 1",     // the warm-up day is the local calendar day, not 24-hour blocks
            "2026-11-29T10:00, 3",
            "2026-11-04T10:00, 28",
    })
    void warmUpDayIsCountedInLocalCalendarDays(String linkedLocal, long expectedDay) {
        SendHistory history = SendHistory.builder().linkedAt(local(linkedLocal)).build();

        SendBudget budget = governor.budget(history, GovernorSettings.defaults(), NOW, ROME);

        assertThat(budget.warmUpDay()).isEqualTo(expectedDay);
        assertThat(budget.warmUpStep()).isEqualTo(GovernorSettings.defaults().warmUp().stepOn(expectedDay));
    }

    @Test
    void warmUpDayCapWaitsForTheNextDayWhenTheNextStepAllowsMore() {
        GovernorSettings settings = open().withCaps(6, 30, 200).withWarmUp(GovernorSettings.defaults().warmUp());
        // Day 2 of warm-up (25/day), 25 sends today spread over the night, none in the last hour's cap range.
        SendHistory history = sendsBack(SendHistory.builder(), local("2026-12-02T08:00"), Duration.ofMinutes(15), 25)
                .linkedAt(local("2026-11-30T12:00")).build();

        GovernorVerdict verdict = governor.verdict(campaignTo(ALICE, "hi"), history, settings, NOW, ROME);

        assertThat(verdict).isEqualTo(GovernorVerdict.waitUntil(local("2026-12-03T00:00"), GovernorReason.WARM_UP_CAP));
    }

    @Test
    void unknownLinkTimeCountsAsDayZero() {
        GovernorSettings settings = open().withCaps(6, 30, 200).withWarmUp(GovernorSettings.defaults().warmUp());
        SendHistory history = sendsBack(SendHistory.builder(), NOW.minusSeconds(30), Duration.ofSeconds(110), 8).build();

        assertThat(governor.verdict(campaignTo(ALICE, "hi"), history, settings, NOW, ROME).reason())
                .isEqualTo(GovernorReason.WARM_UP_CAP);
    }

    // ---- quiet hours --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            // now (with the Rome offset in force),  decision, reason,       expected time
            "2026-12-02T20:59:59+01:00, ALLOW, OK,          2026-12-02T20:59:59+01:00",
            "2026-12-02T21:00:00+01:00, WAIT,  QUIET_HOURS, 2026-12-03T08:00:00+01:00",
            "2026-12-02T23:59:59+01:00, WAIT,  QUIET_HOURS, 2026-12-03T08:00:00+01:00",
            "2026-12-03T00:00:00+01:00, WAIT,  QUIET_HOURS, 2026-12-03T08:00:00+01:00",
            "2026-12-03T07:59:59+01:00, WAIT,  QUIET_HOURS, 2026-12-03T08:00:00+01:00",
            "2026-12-03T08:00:00+01:00, ALLOW, OK,          2026-12-03T08:00:00+01:00",
            // spring forward, Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST; the night is an hour shorter
            "2026-03-28T21:00:00+01:00, WAIT,  QUIET_HOURS, 2026-03-29T08:00:00+02:00",
            "2026-03-29T01:59:59+01:00, WAIT,  QUIET_HOURS, 2026-03-29T08:00:00+02:00",
            "2026-03-29T03:00:00+02:00, WAIT,  QUIET_HOURS, 2026-03-29T08:00:00+02:00",
            "2026-03-29T08:00:00+02:00, ALLOW, OK,          2026-03-29T08:00:00+02:00",
            "2026-03-29T20:59:00+02:00, ALLOW, OK,          2026-03-29T20:59:00+02:00",
            // fall back, Sunday 25 October 2026: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice
            "2026-10-24T21:00:00+02:00, WAIT,  QUIET_HOURS, 2026-10-25T08:00:00+01:00",
            "2026-10-25T02:30:00+02:00, WAIT,  QUIET_HOURS, 2026-10-25T08:00:00+01:00",
            "2026-10-25T02:30:00+01:00, WAIT,  QUIET_HOURS, 2026-10-25T08:00:00+01:00",
            "2026-10-25T07:59:59+01:00, WAIT,  QUIET_HOURS, 2026-10-25T08:00:00+01:00",
            "2026-10-25T08:00:00+01:00, ALLOW, OK,          2026-10-25T08:00:00+01:00",
            "2026-10-25T21:00:00+01:00, WAIT,  QUIET_HOURS, 2026-10-26T08:00:00+01:00",
    })
    void quietHoursHoldAutomatedMessagesAcrossMidnightAndDst(OffsetDateTime now, Decision decision,
                                                             GovernorReason reason, OffsetDateTime expected) {
        GovernorSettings settings = open().withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));

        GovernorVerdict verdict = governor.verdict(campaignTo(ALICE, "hi"), SendHistory.empty(), settings,
                now.toInstant(), ROME);

        assertThat(verdict).isEqualTo(new GovernorVerdict(decision, reason, expected.toInstant()));
    }

    @Test
    void quietNightsAreTenHoursInSpringAndTwelveInAutumn() {
        GovernorSettings settings = open().withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        Instant springEvening = local("2026-03-28T21:00");
        Instant autumnEvening = local("2026-10-24T21:00");

        Instant springMorning = governor.verdict(campaignTo(ALICE, "a"), SendHistory.empty(), settings, springEvening, ROME).at();
        Instant autumnMorning = governor.verdict(campaignTo(ALICE, "a"), SendHistory.empty(), settings, autumnEvening, ROME).at();

        assertThat(Duration.between(springEvening, springMorning)).isEqualTo(Duration.ofHours(10));
        assertThat(Duration.between(autumnEvening, autumnMorning)).isEqualTo(Duration.ofHours(12));
    }

    @ParameterizedTest
    @EnumSource(value = MessagePurpose.class)
    void quietHoursApplyToAutomatedMessagesOnly(MessagePurpose purpose) {
        GovernorSettings settings = open().withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        Instant lateEvening = local("2026-12-02T23:00");
        SendRequestFacts facts = facts(ALICE, purpose, "hi", lateEvening.minusSeconds(60));

        GovernorVerdict verdict = governor.verdict(facts, SendHistory.empty(), settings, lateEvening, ROME);

        assertThat(verdict.decision()).isEqualTo(purpose.automated() ? Decision.WAIT : Decision.ALLOW);
    }

    /** A first message to someone who never wrote, typed by hand at night: it waits for the morning like a campaign's. */
    @ParameterizedTest
    @EnumSource(value = MessagePurpose.class)
    void quietHoursHoldEveryFirstMessageToAContactWhoNeverWrote(MessagePurpose purpose) {
        GovernorSettings settings = open().withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        Instant lateEvening = local("2026-12-02T23:00");
        SendRequestFacts cold = facts(ALICE, purpose, "hi", null);

        assertThat(governor.verdict(cold, SendHistory.empty(), settings, lateEvening, ROME))
                .isEqualTo(GovernorVerdict.waitUntil(local("2026-12-03T08:00"), GovernorReason.QUIET_HOURS));
    }

    // ---- per-recipient gap ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{1} to the same recipient {0} s ago: {2} {3}")
    @CsvSource({
            "3599, CAMPAIGN,  WAIT,  RECIPIENT_GAP",
            "3600, CAMPAIGN,  ALLOW, OK",
            "7200, CAMPAIGN,  ALLOW, OK",
            "1,    FOLLOW_UP, WAIT,  RECIPIENT_GAP",
            "3599, SCHEDULED, WAIT,  RECIPIENT_GAP",
            "1,    REPLY,     ALLOW, OK",
            "1,    AGENT_REPLY, ALLOW, OK",
    })
    void recipientGapSeparatesAutomatedMessagesToOnePerson(long secondsAgo, MessagePurpose purpose,
                                                             Decision decision, GovernorReason reason) {
        GovernorSettings settings = open().withRecipientGap(Duration.ofHours(1));
        Instant last = NOW.minusSeconds(secondsAgo);
        SendHistory history = SendHistory.builder().sent(ALICE, last, TextFingerprint.of("earlier"), false).build();

        GovernorVerdict verdict = governor.verdict(facts(ALICE, purpose, "new text", NOW.minusSeconds(5)), history,
                settings, NOW, ROME);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reason()).isEqualTo(reason);
        assertThat(verdict.at()).isEqualTo(decision == Decision.WAIT ? last.plus(Duration.ofHours(1)) : NOW);
    }

    @Test
    void recipientGapConcernsOnlyThatRecipient() {
        GovernorSettings settings = open().withRecipientGap(Duration.ofHours(1));
        SendHistory history = SendHistory.builder().sent(ALICE, NOW.minusSeconds(10), 1, false).build();

        assertThat(governor.verdict(campaignTo(BOB, "hi"), history, settings, NOW, ROME))
                .isEqualTo(GovernorVerdict.allow(NOW));
    }

    // ---- duplicate text -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} to {1} {2} s after \"{3}\", now \"{4}\": {5}")
    @CsvSource({
            "CAMPAIGN,    alice, 60,    Hello there, Hello there,   BLOCK",
            "CAMPAIGN,    alice, 86399, Hello there, Hello there,   BLOCK",
            "CAMPAIGN,    alice, 86400, Hello there, Hello there,   ALLOW",
            "CAMPAIGN,    alice, 60,    Hello there, '  HELLO   there ', BLOCK",
            "CAMPAIGN,    alice, 60,    Hello there, Hello there!,  ALLOW",
            "CAMPAIGN,    bob,   60,    Hello there, Hello there,   ALLOW",
            "SCHEDULED,   alice, 60,    Hello there, Hello there,   BLOCK",
            "FOLLOW_UP,   alice, 60,    Hello there, Hello there,   BLOCK",
            "AGENT_REPLY, alice, 60,    Hello there, Hello there,   BLOCK",
            "OPT_OUT_CONFIRMATION, alice, 60, You will get no more messages, You will get no more messages, BLOCK",
            "REPLY,       alice, 60,    ok,          ok,            ALLOW",
    })
    void sameTextToSameRecipientWithinADayIsRefused(MessagePurpose purpose, String recipient, long secondsAgo,
                                                    String earlierText, String text, Decision decision) {
        String to = recipient.equals("alice") ? ALICE : BOB;
        SendHistory history = SendHistory.builder()
                .sent(ALICE, NOW.minusSeconds(secondsAgo), TextFingerprint.of(earlierText), false).build();

        GovernorVerdict verdict = governor.verdict(facts(to, purpose, text, NOW.minusSeconds(5)), history, open(), NOW, ROME);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reason()).isEqualTo(decision == Decision.BLOCK ? GovernorReason.DUPLICATE_TEXT : GovernorReason.OK);
    }

    // ---- cold budget --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "budget {0}, {1} cold sends today, to a {2} contact: {3} {4}")
    @CsvSource({
            "3, 2, cold,  ALLOW, OK",
            "3, 3, cold,  WAIT,  COLD_BUDGET",
            "3, 4, cold,  WAIT,  COLD_BUDGET",
            "3, 3, known, ALLOW, OK",
            "0, 0, cold,  BLOCK, COLD_BUDGET",
            "0, 0, known, ALLOW, OK",
    })
    void coldContactsHaveADailyBudget(int budget, int coldToday, String kind, Decision decision, GovernorReason reason) {
        SendHistory.Builder builder = SendHistory.builder();
        for (int i = 0; i < coldToday; i++) {
            builder.sent("cold-" + i + "@c.us", local("2026-12-02T09:00").plusSeconds(60L * i), i, true);
        }
        builder.sent("cold-yesterday@c.us", local("2026-12-01T23:59:59"), 77, true);
        Instant lastInbound = kind.equals("cold") ? null : LONG_AGO;
        SendRequestFacts facts = facts(ALICE, MessagePurpose.CAMPAIGN, "hi", lastInbound);

        GovernorVerdict verdict = governor.verdict(facts, builder.build(), open().withColdPerDay(budget), NOW, ROME);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reason()).isEqualTo(reason);
        if (decision == Decision.WAIT) {
            assertThat(verdict.at()).isEqualTo(local("2026-12-03T00:00"));
        }
    }

    // ---- opt-out ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: opted out {1} min ago, last inbound {2} min ago: {3}")
    @CsvSource({
            // purpose,              opted out (min ago), last inbound (min ago; empty = never), decision
            "OPT_OUT_CONFIRMATION,  1,    1,    ALLOW",   // the confirmation of the STOP itself
            "REPLY,                 1,    1,    ALLOW",
            "AGENT_REPLY,           1,    1,    ALLOW",
            "CAMPAIGN,              1,    1,    BLOCK",
            "SCHEDULED,             1,    1,    BLOCK",
            "FOLLOW_UP,             1,    1,    BLOCK",
            "REPLY,                 600,  10,   ALLOW",   // wrote again after opting out: may be answered
            "REPLY,                 10,   600,  BLOCK",   // opted out (e.g. by the user) after their last message
            "REPLY,                 1440, 1440, ALLOW",   // exactly at the end of the 24 h window
            "REPLY,                 1441, 1441, BLOCK",   // one minute past it
            "REPLY,                 5,    ,     BLOCK",   // never wrote: nothing to answer
            "CAMPAIGN,              ,     1,    ALLOW",   // not opted out
    })
    void optedOutContactsGetOnlyAnswersTheyAskedFor(MessagePurpose purpose, Long optedOutMinutesAgo,
                                                    Long inboundMinutesAgo, Decision decision) {
        Instant optedOutAt = optedOutMinutesAgo == null ? null : NOW.minus(Duration.ofMinutes(optedOutMinutesAgo));
        Instant lastInbound = inboundMinutesAgo == null ? null : NOW.minus(Duration.ofMinutes(inboundMinutesAgo));
        SendRequestFacts facts = new SendRequestFacts(ALICE, purpose, TextFingerprint.of("x"), lastInbound, optedOutAt, true);

        GovernorVerdict verdict = governor.verdict(facts, SendHistory.empty(), open(), NOW, ROME);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reason()).isEqualTo(decision == Decision.BLOCK ? GovernorReason.OPTED_OUT : GovernorReason.OK);
    }

    // ---- pauses -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "streak {0}, pause after {1}, session ready {2}: {3} {4}")
    @CsvSource({
            "0, 3, true,  ALLOW, OK",
            "2, 3, true,  ALLOW, OK",
            "3, 3, true,  HOLD,  PAUSED_FAILURES",
            "7, 3, true,  HOLD,  PAUSED_FAILURES",
            "1, 1, true,  HOLD,  PAUSED_FAILURES",
            "0, 3, false, HOLD,  SESSION_NOT_READY",
            "5, 3, false, HOLD,  SESSION_NOT_READY",
    })
    void failureStreakAndSessionStatePauseSending(int streak, int pauseAfter, boolean ready, Decision decision,
                                                  GovernorReason reason) {
        SendHistory history = SendHistory.builder().failureStreak(streak).build();
        SendRequestFacts facts = new SendRequestFacts(ALICE, MessagePurpose.CAMPAIGN, 1, LONG_AGO, null, ready);

        GovernorVerdict verdict = governor.verdict(facts, history, open().withFailuresBeforePause(pauseAfter), NOW, ROME);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @Test
    void refusalsWinOverPausesSoTheScreenShowsTheLastingReason() {
        SendRequestFacts optedOutWhileDown = new SendRequestFacts(ALICE, MessagePurpose.CAMPAIGN, 1, LONG_AGO,
                NOW.minusSeconds(60), false);

        assertThat(governor.verdict(optedOutWhileDown, SendHistory.builder().failureStreak(9).build(), open(), NOW, ROME))
                .isEqualTo(GovernorVerdict.block(GovernorReason.OPTED_OUT));
    }

    // ---- random spacing -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} to a contact who last wrote {1} h ago: pause {2}-{3} s")
    @CsvSource({
            "REPLY,       1,   3,  9",
            "AGENT_REPLY, 1,   3,  9",
            "REPLY,       72,  20, 60",    // an answer days later is not a live conversation
            "CAMPAIGN,    1,   20, 60",
            "CAMPAIGN,    -1,  45, 150",   // -1: never wrote (cold, first contact)
            "REPLY,       -1,  45, 150",
    })
    void spacingIsRandomWithinTheRangeForTheKindOfRecipient(MessagePurpose purpose, int inboundHoursAgo,
                                                            long minSeconds, long maxSeconds) {
        GovernorSettings settings = GovernorSettings.defaults().withWarmUp(WarmUp.none()).withQuietHours(null);
        Instant lastInbound = inboundHoursAgo < 0 ? null : NOW.minus(Duration.ofHours(inboundHoursAgo));
        SendHistory justSent = SendHistory.builder().sent(BOB, NOW, 5, false).build();
        SendGovernor seeded = new SendGovernor(new SplittableRandom(20261202L));
        Set<Long> pauses = new HashSet<>();
        long sum = 0;
        int rounds = 2_000;

        for (int i = 0; i < rounds; i++) {
            GovernorVerdict verdict = seeded.verdict(facts(ALICE, purpose, "t" + i, lastInbound), justSent, settings, NOW, ROME);
            assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
            long pause = verdict.delayFrom(NOW).toMillis();
            assertThat(pause).isBetween(minSeconds * 1000, maxSeconds * 1000);
            pauses.add(pause);
            sum += pause;
        }

        assertThat(pauses).as("never a fixed interval").hasSizeGreaterThan(rounds / 2);
        double mean = (double) sum / rounds;
        double middle = (minSeconds + maxSeconds) * 500.0;
        assertThat(mean).isCloseTo(middle, withPercentage(5));
        assertThat(governor.verdict(facts(ALICE, purpose, "x", lastInbound), justSent, settings, NOW, ROME).at())
                .isEqualTo(NOW.plusSeconds(minSeconds));
        assertThat(new SendGovernor(HIGHEST).verdict(facts(ALICE, purpose, "x", lastInbound), justSent, settings, NOW, ROME).at())
                .isEqualTo(NOW.plusSeconds(maxSeconds));
    }

    @ParameterizedTest(name = "last send {0} s ago, drawn pause {1}: send at +{2} s")
    @CsvSource({
            "10,   LOWEST,  10",   // 20 s pause, 10 s already passed
            "10,   HIGHEST, 50",   // 60 s pause
            "20,   LOWEST,  0",
            "3600, HIGHEST, 0",
    })
    void pauseCountsFromTheLastSend(long secondsAgo, String draw, long expectedSeconds) {
        GovernorSettings settings = open().withSpacing(SpacingRange.ofSeconds(3, 9), SpacingRange.ofSeconds(20, 60),
                SpacingRange.ofSeconds(45, 150));
        SendHistory history = SendHistory.builder().sent(BOB, NOW.minusSeconds(secondsAgo), 5, false).build();
        SendGovernor drawing = new SendGovernor(draw.equals("LOWEST") ? LOWEST : HIGHEST);

        assertThat(drawing.verdict(campaignTo(ALICE, "hi"), history, settings, NOW, ROME))
                .isEqualTo(GovernorVerdict.allow(NOW.plusSeconds(expectedSeconds)));
    }

    @Test
    void confirmAtTheAllowedTimeSendsNowWithoutDrawingAgain() {
        GovernorSettings settings = GovernorSettings.defaults().withWarmUp(WarmUp.none()).withQuietHours(null);
        SendHistory history = SendHistory.builder().sent(BOB, NOW, 5, false).build();
        GovernorVerdict allowed = new SendGovernor(HIGHEST).verdict(campaignTo(ALICE, "hi"), history, settings, NOW, ROME);

        GovernorVerdict confirmed = new SendGovernor(HIGHEST).confirm(campaignTo(ALICE, "hi"), history, settings,
                allowed.at(), ROME);

        assertThat(allowed).isEqualTo(GovernorVerdict.allow(NOW.plusSeconds(60)));
        assertThat(confirmed).isEqualTo(GovernorVerdict.allow(NOW.plusSeconds(60)));
    }

    // ---- rules working together ---------------------------------------------------------------------------

    @Test
    void dailyCapReachedInTheEveningWaitsForTheEndOfQuietHoursNextMorning() {
        GovernorSettings settings = open().withCaps(5, 5, 5)
                .withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        Instant evening = local("2026-12-02T20:00");
        SendHistory history = sendsBack(SendHistory.builder(), local("2026-12-02T19:00"), Duration.ofMinutes(30), 5).build();

        assertThat(governor.verdict(campaignTo(ALICE, "hi"), history, settings, evening, ROME))
                .isEqualTo(GovernorVerdict.waitUntil(local("2026-12-03T08:00"), GovernorReason.QUIET_HOURS));
    }

    @Test
    void aPauseThatEndsInQuietHoursBecomesAWaitUntilMorning() {
        GovernorSettings settings = open().withSpacing(SpacingRange.ofSeconds(3, 9), SpacingRange.ofSeconds(20, 60),
                SpacingRange.ofSeconds(45, 150)).withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        Instant justBefore = local("2026-12-02T20:59:50");
        SendHistory history = SendHistory.builder().sent(BOB, justBefore, 5, false).build();

        // The lowest pause (20 s) is drawn again after quiet hours end, so the morning send is not on the minute.
        assertThat(governor.verdict(campaignTo(ALICE, "hi"), history, settings, justBefore, ROME))
                .isEqualTo(GovernorVerdict.waitUntil(local("2026-12-03T08:00:20"), GovernorReason.QUIET_HOURS));
        assertThat(new SendGovernor(HIGHEST).verdict(campaignTo(ALICE, "hi"), history, settings, justBefore, ROME))
                .isEqualTo(GovernorVerdict.waitUntil(local("2026-12-03T08:01"), GovernorReason.QUIET_HOURS));
    }

    @Test
    void heldMessagesLeaveAtRandomTimesAfterTheRuleLetsGoAndThenPassConfirm() {
        GovernorSettings settings = GovernorSettings.defaults().withWarmUp(WarmUp.none()).withCaps(3, 30, 200)
                .withQuietHours(null)
                .withSpacing(SpacingRange.ofSeconds(1, 3), SpacingRange.ofSeconds(1, 5), SpacingRange.ofSeconds(5, 9));
        SendHistory history = sendsBack(SendHistory.builder(), NOW.minusSeconds(20), Duration.ofSeconds(10), 3).build();
        SendGovernor seeded = new SendGovernor(new SplittableRandom(99));
        Set<Instant> times = new HashSet<>();

        for (int i = 0; i < 200; i++) {
            GovernorVerdict held = seeded.verdict(campaignTo(ALICE, "m" + i), history, settings, NOW, ROME);
            assertThat(held.reason()).isEqualTo(GovernorReason.CAP_MINUTE);
            // the oldest of the three (40 s ago) leaves the minute at +20 s; then a 1-5 s pause
            assertThat(held.at()).isBetween(NOW.plusSeconds(21), NOW.plusSeconds(25));
            assertThat(seeded.confirm(campaignTo(ALICE, "m" + i), history, settings, held.at(), ROME))
                    .isEqualTo(GovernorVerdict.allow(held.at()));
            times.add(held.at());
        }
        assertThat(times).hasSizeGreaterThan(100);
    }

    @Test
    void aClockThatJumpedBackCountsFutureSendsAsJustSent() {
        // The machine's clock went back an hour: three sends appear 50-59 minutes in the future.
        GovernorSettings settings = open().withCaps(3, 100, 1000);
        SendHistory history = sendsBack(SendHistory.builder(), NOW.plus(Duration.ofMinutes(59)), Duration.ofMinutes(3), 3)
                .sent(ALICE, NOW.plus(Duration.ofMinutes(40)), TextFingerprint.of("hi"), false).build();

        GovernorVerdict other = governor.verdict(campaignTo(BOB, "hello"), history, settings, NOW, ROME);
        GovernorVerdict duplicate = governor.verdict(campaignTo(ALICE, "hi"), history, settings, NOW, ROME);

        assertThat(other).isEqualTo(GovernorVerdict.waitUntil(NOW.plusSeconds(60), GovernorReason.CAP_MINUTE));
        assertThat(duplicate).isEqualTo(GovernorVerdict.block(GovernorReason.DUPLICATE_TEXT));
    }

    @Test
    void aClockThatJumpedBackDoesNotStallSpacingForTheLengthOfTheJump() {
        GovernorSettings settings = open().withSpacing(SpacingRange.ofSeconds(3, 9), SpacingRange.ofSeconds(20, 60),
                SpacingRange.ofSeconds(45, 150));
        SendHistory history = SendHistory.builder().sent(BOB, NOW.plus(Duration.ofHours(2)), 5, false).build();

        assertThat(governor.verdict(campaignTo(ALICE, "hi"), history, settings, NOW, ROME))
                .isEqualTo(GovernorVerdict.allow(NOW.plusSeconds(20)));
    }

    // ---- budget and ETA -----------------------------------------------------------------------------------

    @Test
    void budgetShowsWhatIsLeftUnderEachCap() {
        GovernorSettings settings = open().withCaps(6, 30, 200).withColdPerDay(20)
                .withWarmUp(GovernorSettings.defaults().warmUp());
        SendHistory history = SendHistory.builder()
                .sent("a@c.us", NOW.minusSeconds(30), 1, true)          // in the minute, hour and day; cold
                .sent("b@c.us", NOW.minus(Duration.ofMinutes(20)), 2, false) // hour and day
                .sent("c@c.us", local("2026-12-02T01:00"), 3, true)      // day; cold
                .sent("d@c.us", local("2026-12-01T22:00"), 4, true)      // yesterday
                .linkedAt(local("2026-11-25T12:00"))                     // day 7: 20/h, 100/day
                .build();

        SendBudget budget = governor.budget(history, settings, NOW, ROME);

        assertThat(budget.caps()).containsExactly(
                new SendBudget.CapUsage(SendBudget.CapKind.MINUTE, 6, 1, NOW.plusSeconds(30)),
                new SendBudget.CapUsage(SendBudget.CapKind.HOUR, 20, 2, NOW.plus(Duration.ofMinutes(40))),
                new SendBudget.CapUsage(SendBudget.CapKind.DAY, 100, 3, local("2026-12-03T00:00")),
                new SendBudget.CapUsage(SendBudget.CapKind.COLD_DAY, 20, 2, local("2026-12-03T00:00")));
        assertThat(budget.warmUpDay()).isEqualTo(7);
        assertThat(budget.cap(SendBudget.CapKind.HOUR).left()).isEqualTo(18);
        assertThat(budget.leftNow()).isEqualTo(5);
        assertThat(budget.cap(SendBudget.CapKind.DAY).left()).isEqualTo(97);
    }

    @Test
    void budgetOfAnEmptyHistoryIsTheFullCaps() {
        SendBudget budget = governor.budget(SendHistory.empty(), open().withCaps(6, 30, 200).withColdPerDay(20), NOW, ROME);

        assertThat(budget.caps()).extracting(SendBudget.CapUsage::left).containsExactly(6, 30, 200, 20);
        assertThat(budget.caps()).extracting(SendBudget.CapUsage::resetsAt).containsOnlyNulls();
        assertThat(budget.warmUpStep()).isNull();
    }

    @ParameterizedTest(name = "{0} known + {1} cold queued -> finish {2}")
    @CsvSource({
            // spacing mean 30 s known / 60 s cold; caps 6/min, 10/h, 1000/day; no quiet hours
            "0,  0, 2026-12-02T10:00:00",
            "1,  0, 2026-12-02T10:00:00",
            "10, 0, 2026-12-02T10:04:30",
            "25, 0, 2026-12-02T12:02:00",   // 10 in the first hour, 10 in the second, 5 in the third
            "0,  3, 2026-12-02T10:02:00",
    })
    void etaSimulatesTheQueueThroughEveryRule(int known, int cold, String expectedLocal) {
        GovernorSettings settings = open().withSpacing(SpacingRange.ofSeconds(3, 9), SpacingRange.ofSeconds(20, 40),
                SpacingRange.ofSeconds(50, 70)).withCaps(6, 10, 1000);

        assertThat(governor.estimateFinish(known, cold, SendHistory.empty(), settings, NOW, ROME))
                .isEqualTo(local(expectedLocal));
    }

    @Test
    void etaRespectsDailyCapsQuietHoursAndTheColdBudget() {
        GovernorSettings settings = open().withSpacing(SpacingRange.ofSeconds(3, 9), SpacingRange.ofSeconds(50, 70),
                SpacingRange.ofSeconds(50, 70)).withCaps(6, 20, 20).withColdPerDay(4)
                .withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));

        Instant knownOnly = governor.estimateFinish(50, 0, SendHistory.empty(), settings, NOW, ROME);
        Instant coldOnly = governor.estimateFinish(0, 10, SendHistory.empty(), settings, NOW, ROME);

        // 20 today from 10:00, 20 tomorrow from 08:00, the last 10 the day after from 08:00.
        assertThat(knownOnly).isEqualTo(local("2026-12-04T08:09"));
        // 4 cold a day: today, tomorrow, and 2 the day after.
        assertThat(coldOnly).isEqualTo(local("2026-12-04T08:01"));
    }

    @Test
    void etaStartsAfterWhatWasAlreadySent() {
        GovernorSettings settings = open().withSpacing(SpacingRange.ofSeconds(3, 9), SpacingRange.ofSeconds(20, 40),
                SpacingRange.ofSeconds(50, 70)).withCaps(6, 10, 1000);
        SendHistory tenThisHour = sendsBack(SendHistory.builder(), NOW.minusSeconds(60), Duration.ofSeconds(60), 10).build();

        // The oldest of the ten (09:50) leaves the hour window at 10:50, the next (09:51) at 10:51.
        assertThat(governor.estimateFinish(1, 0, tenThisHour, settings, NOW, ROME)).isEqualTo(local("2026-12-02T10:50"));
        assertThat(governor.estimateFinish(2, 0, tenThisHour, settings, NOW, ROME)).isEqualTo(local("2026-12-02T10:51"));
    }

    @Test
    void etaRefusesImpossibleOrHugeQueues() {
        GovernorSettings noCold = open().withColdPerDay(0);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> governor.estimateFinish(0, 1, SendHistory.empty(), noCold, NOW, ROME))
                .withMessageContaining("cold budget is 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> governor.estimateFinish(SendGovernor.MAX_ETA_SENDS, 1, SendHistory.empty(), open(), NOW, ROME));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> governor.estimateFinish(-1, 0, SendHistory.empty(), open(), NOW, ROME));
    }

    @Test
    void verdictDoesNotDependOnTheOrderTheHistoryWasFilledIn() {
        GovernorSettings settings = open().withCaps(3, 100, 1000);
        List<Instant> times = List.of(NOW.minusSeconds(5), NOW.minusSeconds(50), NOW.minusSeconds(20));
        SendHistory.Builder forward = SendHistory.builder();
        SendHistory.Builder backward = SendHistory.builder();
        for (int i = 0; i < times.size(); i++) {
            forward.sent("r" + i, times.get(i), i, false);
            backward.sent("r" + (2 - i), times.get(2 - i), 2 - i, false);
        }

        GovernorVerdict a = governor.verdict(campaignTo(ALICE, "x"), forward.build(), settings, NOW, ROME);
        GovernorVerdict b = governor.verdict(campaignTo(ALICE, "x"), backward.build(), settings, NOW, ROME);

        assertThat(a).isEqualTo(b).isEqualTo(GovernorVerdict.waitUntil(NOW.plusSeconds(10), GovernorReason.CAP_MINUTE));
    }

    @Test
    void zonedHelperAgreesWithTheTable() {
        assertThat(local("2026-12-02T10:00")).isEqualTo(ZonedDateTime.parse("2026-12-02T10:00+01:00[Europe/Rome]").toInstant());
    }
}
