package it.mssg.core.domain.sending;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the send governor can be told; all editable in Settings. {@link #defaults()} documents where each
 * default comes from. WhatsApp publishes no limits for WhatsApp Web, so the defaults follow what the
 * communities around whatsapp-web.js, WPPConnect/wa-js and the hosted WhatsApp-Web gateways report, erring on
 * the safe side.
 *
 * @param replySpacing        pause before an answer to someone who wrote within {@code conversationWindow}
 * @param spacing             pause before any other message to a contact who has written to us before
 * @param firstContactSpacing pause before a message to a cold contact (never wrote to us)
 * @param perMinute           sends per rolling minute
 * @param perHour             sends per rolling hour
 * @param perDay              sends per local calendar day in the user's zone
 * @param warmUp              lower caps for a recently linked number
 * @param quietHours          when automated messages wait; null = none
 * @param recipientGap        minimum time between two automated messages to the same recipient
 * @param duplicateWindow     the same normalised text to the same recipient within this is refused
 * @param coldPerDay          messages per local day to contacts who never wrote to us
 * @param failuresBeforePause consecutive failed sends that pause all sending until the user resumes
 * @param conversationWindow  how recent a contact's inbound message must be for our answer to count as a reply
 *                            (reply spacing; the only messages an opted-out contact can still receive)
 * @param replyReservePercent share of the hourly and daily caps (0–50 %, rounded down) that automated messages
 *                            leave free, so a campaign never uses up the caps and holds back answers to people
 *                            who wrote
 */
public record GovernorSettings(SpacingRange replySpacing, SpacingRange spacing, SpacingRange firstContactSpacing,
                               int perMinute, int perHour, int perDay, WarmUp warmUp, QuietHours quietHours,
                               Duration recipientGap, Duration duplicateWindow, int coldPerDay,
                               int failuresBeforePause, Duration conversationWindow, int replyReservePercent) {

    /** The longest any rule looks back, plus margin: the outbox loads at least this much history. */
    static final Duration DAY_LOOKBACK = Duration.ofHours(26);

    /** Caps above this are far past what any WhatsApp number is reported to survive; the settings refuse them. */
    public static final int MOST_PER_DAY = 100_000;

    /** The longest gap, duplicate window or conversation window: the outbox keeps this much send history in memory. */
    public static final Duration LONGEST_WINDOW = Duration.ofDays(7);

    public static final int MOST_FAILURES_BEFORE_PAUSE = 100;

    public GovernorSettings {
        Objects.requireNonNull(replySpacing, "replySpacing");
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(firstContactSpacing, "firstContactSpacing");
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(recipientGap, "recipientGap");
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        Objects.requireNonNull(conversationWindow, "conversationWindow");
        if (perMinute < 1 || perHour < 1 || perDay < 1 || coldPerDay < 0) {
            throw new IllegalArgumentException("messages a minute, an hour and a day must each be at least 1, and first"
                    + " messages to new contacts a day at least 0 (you set " + perMinute + " a minute, " + perHour
                    + " an hour, " + perDay + " a day, " + coldPerDay + " new a day); to send nothing for a while,"
                    + " pause sending instead");
        }
        if (perDay > MOST_PER_DAY || coldPerDay > MOST_PER_DAY) {
            throw new IllegalArgumentException("at most " + MOST_PER_DAY + " messages a day can be set (you set " + perDay
                    + " a day, " + coldPerDay + " new a day): far more than any WhatsApp number is reported to survive");
        }
        if (perMinute > perHour || perHour > perDay) {
            throw new IllegalArgumentException("a longer window must allow at least as many messages as a shorter one"
                    + " (you set " + perMinute + " a minute, " + perHour + " an hour, " + perDay + " a day)");
        }
        if (failuresBeforePause > MOST_FAILURES_BEFORE_PAUSE) {
            throw new IllegalArgumentException("failed sends before sending pauses can be at most "
                    + MOST_FAILURES_BEFORE_PAUSE + " (you set " + failuresBeforePause + ")");
        }
        if (failuresBeforePause < 1) {
            throw new IllegalArgumentException("failed sends before sending pauses must be at least 1 (you set "
                    + failuresBeforePause + ")");
        }
        if (replyReservePercent < 0 || replyReservePercent > 50) {
            throw new IllegalArgumentException("the share of the daily cap kept for replies must be 0 to 50 % (you set "
                    + replyReservePercent + ")");
        }
        if (recipientGap.isNegative() || duplicateWindow.isNegative() || conversationWindow.isNegative()) {
            throw new IllegalArgumentException("times must not be negative");
        }
        if (recipientGap.compareTo(LONGEST_WINDOW) > 0 || duplicateWindow.compareTo(LONGEST_WINDOW) > 0
                || conversationWindow.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("the gap between messages to one person, the duplicate window and the"
                    + " conversation window can each be at most 7 days (you set " + recipientGap.toHours() + " h, "
                    + duplicateWindow.toHours() + " h and " + conversationWindow.toHours() + " h)");
        }
    }

    public static GovernorSettings defaults() {
        return new GovernorSettings(
                // 3–9 s: a person reading and typing; hosted WhatsApp Web gateways (e.g. Loopwave's anti-ban
                // guards) wait a random 3–9 s before an automatic reply.
                SpacingRange.ofSeconds(3, 9),
                // 20–60 s: community reports (WebWhatsapp-Wrapper #416) survived bulk sends with random 30–60 s;
                // whatsapp-web.js users were banned with a fixed 2 s delay after 30 messages.
                SpacingRange.ofSeconds(20, 60),
                // 45–150 s: new conversations are the strongest spam signal (whatsloop, whapi guides); users of
                // wbm (issue #7) were banned fast and moved to random 1–3 min between unknown numbers.
                SpacingRange.ofSeconds(45, 150),
                // 6/min: hosted gateways cap automatic replies near 8/min; bursts look like bots.
                6,
                // 30/h: whapi's 2026 guide: stay under 30 outbound messages per hour; >100–200/h is "risky".
                30,
                // 200/day: gateways recommend 150–200/day for numbers older than 30 days.
                200,
                // Warm-up over four weeks: guides report reviews above 20–30 messages/day in the first week and
                // advise never starting above 50/day, scaling only after 3–5 days (whapi, MoltFlow, Effess).
                new WarmUp(List.of(
                        new WarmUp.Step(0, 8, 25),
                        new WarmUp.Step(3, 12, 50),
                        new WarmUp.Step(7, 20, 100),
                        new WarmUp.Step(14, 25, 150)), 28),
                // 21:00–08:00: mass sending at night is listed as a risk signal, and it is rude.
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)),
                // 1 h: no two automated messages to the same person within an hour (campaign + follow-up pile-ups).
                Duration.ofHours(1),
                // 24 h: Effess and others skip the same body to the same number within 24 h; a common ban cause.
                Duration.ofHours(24),
                // 20/day: starting many new conversations is the top-ranked trigger; guides keep it to tens a day.
                20,
                // 3: repeated failures mean a broken session or a flagged number; sending on makes it worse.
                3,
                // 24 h: the same window WhatsApp's own business platform gives for answering a customer.
                Duration.ofHours(24),
                // 20 %: answers are the safest messages there are (the contact wrote first); keep room for them.
                20);
    }

    /** How far back the outbox must load sends for {@link SendHistory}. */
    public Duration historyLookback() {
        Duration longest = DAY_LOOKBACK;
        for (Duration d : List.of(recipientGap, duplicateWindow)) {
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }

    public GovernorSettings withCaps(int perMinute, int perHour, int perDay) {
        return new GovernorSettings(replySpacing, spacing, firstContactSpacing, perMinute, perHour, perDay, warmUp,
                quietHours, recipientGap, duplicateWindow, coldPerDay, failuresBeforePause, conversationWindow,
                replyReservePercent);
    }

    public GovernorSettings withWarmUp(WarmUp warmUp) {
        return new GovernorSettings(replySpacing, spacing, firstContactSpacing, perMinute, perHour, perDay, warmUp,
                quietHours, recipientGap, duplicateWindow, coldPerDay, failuresBeforePause, conversationWindow,
                replyReservePercent);
    }

    public GovernorSettings withQuietHours(QuietHours quietHours) {
        return new GovernorSettings(replySpacing, spacing, firstContactSpacing, perMinute, perHour, perDay, warmUp,
                quietHours, recipientGap, duplicateWindow, coldPerDay, failuresBeforePause, conversationWindow,
                replyReservePercent);
    }

    public GovernorSettings withColdPerDay(int coldPerDay) {
        return new GovernorSettings(replySpacing, spacing, firstContactSpacing, perMinute, perHour, perDay, warmUp,
                quietHours, recipientGap, duplicateWindow, coldPerDay, failuresBeforePause, conversationWindow,
                replyReservePercent);
    }

    public GovernorSettings withSpacing(SpacingRange replySpacing, SpacingRange spacing,
                                        SpacingRange firstContactSpacing) {
        return new GovernorSettings(replySpacing, spacing, firstContactSpacing, perMinute, perHour, perDay, warmUp,
                quietHours, recipientGap, duplicateWindow, coldPerDay, failuresBeforePause, conversationWindow,
                replyReservePercent);
    }

    public GovernorSettings withRecipientGap(Duration recipientGap) {
        return new GovernorSettings(replySpacing, spacing, firstContactSpacing, perMinute, perHour, perDay, warmUp,
                quietHours, recipientGap, duplicateWindow, coldPerDay, failuresBeforePause, conversationWindow,
                replyReservePercent);
    }

    public GovernorSettings withReplyReservePercent(int replyReservePercent) {
        return new GovernorSettings(replySpacing, spacing, firstContactSpacing, perMinute, perHour, perDay, warmUp,
                quietHours, recipientGap, duplicateWindow, coldPerDay, failuresBeforePause, conversationWindow,
                replyReservePercent);
    }

    /** The part of {@code cap} automated messages may use: the cap minus the reply reserve, at least 1. */
    int automatedShare(int cap) {
        return Math.max(1, cap - cap * replyReservePercent / 100);
    }

    public GovernorSettings withFailuresBeforePause(int failuresBeforePause) {
        return new GovernorSettings(replySpacing, spacing, firstContactSpacing, perMinute, perHour, perDay, warmUp,
                quietHours, recipientGap, duplicateWindow, coldPerDay, failuresBeforePause, conversationWindow,
                replyReservePercent);
    }
}
