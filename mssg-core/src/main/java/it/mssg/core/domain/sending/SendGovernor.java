package it.mssg.core.domain.sending;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Decides whether, and when, one outbox entry may leave. A pure function of its arguments and the injected
 * random generator (used only to draw the pause between sends).
 *
 * <p>Order of the rules: refusals first ({@code BLOCK}: opted out, duplicate text, cold budget of zero), then
 * pauses ({@code HOLD}: session not READY, failure streak), then timing. Timing starts at {@code now}, moves
 * to the end of a random pause after the last send and past the recipient gap, then repeatedly moves past
 * quiet hours, the minute/hour/day caps (lowered by warm-up, and for automated messages by the reply reserve)
 * and the cold budget until no rule moves it. If
 * only the random pause delayed it the verdict is {@code ALLOW} at that time, else {@code WAIT} with the
 * reason of the rule that moved it last, until a fresh random pause after that rule lets go.
 *
 * <p>As thread-safe as its random generator: the outbox asks from its one send loop.
 */
public final class SendGovernor {

    private static final long MINUTE_MS = 60_000L;
    private static final long HOUR_MS = 3_600_000L;
    /** Quiet hours, caps and budgets settle in a few rounds; the bound only guards against a bad settings mix. */
    private static final int MAX_ROUNDS = 64;
    /** ETA simulations larger than this are refused rather than keeping a request thread busy. */
    static final int MAX_ETA_SENDS = 200_000;

    private final RandomGenerator random;

    public SendGovernor(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The verdict for an entry the outbox wants to send next; draws a fresh random pause. */
    public GovernorVerdict verdict(SendRequestFacts facts, SendHistory history, GovernorSettings settings,
                                   Instant now, ZoneId zone) {
        return decide(facts, history, settings, now, zone, true);
    }

    /**
     * The check just before sending at the time an {@code ALLOW} named: the same rules, but the pause counts
     * as its minimum because it was already drawn and waited. {@code ALLOW} means send now.
     */
    public GovernorVerdict confirm(SendRequestFacts facts, SendHistory history, GovernorSettings settings,
                                   Instant now, ZoneId zone) {
        return decide(facts, history, settings, now, zone, false);
    }

    private GovernorVerdict decide(SendRequestFacts facts, SendHistory history, GovernorSettings settings,
                                   Instant now, ZoneId zone, boolean drawSpacing) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        long nowMs = now.toEpochMilli();

        if (!optOutAllows(facts, settings, now)) {
            return GovernorVerdict.block(GovernorReason.OPTED_OUT);
        }
        if (facts.purpose().duplicateChecked()) {
            long lastSame = history.lastSendOf(facts.recipient(), facts.textFingerprint());
            if (lastSame != Long.MIN_VALUE && nowMs - Math.min(lastSame, nowMs) < settings.duplicateWindow().toMillis()) {
                return GovernorVerdict.block(GovernorReason.DUPLICATE_TEXT);
            }
        }
        if (facts.cold() && settings.coldPerDay() == 0) {
            return GovernorVerdict.block(GovernorReason.COLD_BUDGET);
        }
        if (!facts.sessionReady()) {
            return GovernorVerdict.hold(GovernorReason.SESSION_NOT_READY);
        }
        if (history.failureStreak() >= settings.failuresBeforePause()) {
            return GovernorVerdict.hold(GovernorReason.PAUSED_FAILURES);
        }

        SpacingRange range = spacingFor(facts, settings, now);
        long pause = drawSpacing ? range.drawMillis(random) : range.min().toMillis();
        long start = nowMs;
        GovernorReason reason = GovernorReason.OK;
        long last = history.all().last();
        if (last != Long.MIN_VALUE && Math.min(last, nowMs) + pause > start) {
            start = Math.min(last, nowMs) + pause;
            reason = GovernorReason.SPACING;
        }
        if (facts.purpose().automated()) {
            long lastToRecipient = history.lastSendTo(facts.recipient());
            if (lastToRecipient != Long.MIN_VALUE) {
                long gapEnd = Math.min(lastToRecipient, nowMs) + settings.recipientGap().toMillis();
                if (gapEnd > start) {
                    start = gapEnd;
                    reason = GovernorReason.RECIPIENT_GAP;
                }
            }
        }
        Timing timing = new Timing(history.all(), history.cold(), settings, zone, linkDay(history, now, zone), nowMs);
        Slot slot = timing.earliest(start, reason, facts.purpose().automated(), facts.cold());
        if (slot.reason() == GovernorReason.OK || slot.reason() == GovernorReason.SPACING) {
            return GovernorVerdict.allow(Instant.ofEpochMilli(slot.at()));
        }
        // Held by a rule: wait a fresh random pause past the moment the rule lets go, so that held messages do
        // not leave exactly when a window opens or quiet hours end, hour after hour.
        long jitter = drawSpacing ? range.drawMillis(random) : 0;
        Slot settled = timing.earliest(slot.at() + jitter, slot.reason(), facts.purpose().automated(), facts.cold());
        return GovernorVerdict.waitUntil(Instant.ofEpochMilli(settled.at()), settled.reason());
    }

    /**
     * Opted-out contacts get nothing but answers they asked for: a responsive message (reply, agent reply, the
     * opt-out confirmation) when their latest inbound message is not older than the opt-out itself (the STOP
     * message counts, so its confirmation goes out) and lies within the conversation window.
     */
    static boolean optOutAllows(SendRequestFacts facts, GovernorSettings settings, Instant now) {
        if (facts.optedOutAt() == null) {
            return true;
        }
        if (!facts.purpose().responsive() || facts.lastInboundAt() == null) {
            return false;
        }
        if (facts.lastInboundAt().isBefore(facts.optedOutAt())) {
            return false;
        }
        return !facts.lastInboundAt().plus(settings.conversationWindow()).isBefore(now);
    }

    /** Replies to a fresh conversation get the short pause, cold contacts the long one, everything else the middle. */
    static SpacingRange spacingFor(SendRequestFacts facts, GovernorSettings settings, Instant now) {
        if (facts.cold()) {
            return settings.firstContactSpacing();
        }
        boolean recentInbound = !facts.lastInboundAt().plus(settings.conversationWindow()).isBefore(now);
        if (facts.purpose().responsive() && recentInbound) {
            return settings.replySpacing();
        }
        return settings.spacing();
    }

    /** What is left under each cap at {@code now}. */
    public SendBudget budget(SendHistory history, GovernorSettings settings, Instant now, ZoneId zone) {
        long nowMs = now.toEpochMilli();
        LocalDate linkDay = linkDay(history, now, zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        long warmUpDay = ChronoUnit.DAYS.between(linkDay, today);
        WarmUp.Step step = settings.warmUp().stepOn(warmUpDay);
        int hourCap = step == null ? settings.perHour() : Math.min(settings.perHour(), step.perHour());
        int dayCap = step == null ? settings.perDay() : Math.min(settings.perDay(), step.perDay());
        long dayStart = today.atStartOfDay(zone).toInstant().toEpochMilli();
        Instant nextDay = today.plusDays(1).atStartOfDay(zone).toInstant();

        SendTimeline all = history.all();
        int minuteUsed = countAfter(all, nowMs - MINUTE_MS, nowMs);
        int hourUsed = countAfter(all, nowMs - HOUR_MS, nowMs);
        int dayUsed = countFrom(all, dayStart, nowMs);
        int coldUsed = countFrom(history.cold(), dayStart, nowMs);
        return new SendBudget(List.of(
                new SendBudget.CapUsage(SendBudget.CapKind.MINUTE, settings.perMinute(), minuteUsed,
                        rollingReset(all, minuteUsed, MINUTE_MS, nowMs)),
                new SendBudget.CapUsage(SendBudget.CapKind.HOUR, hourCap, hourUsed,
                        rollingReset(all, hourUsed, HOUR_MS, nowMs)),
                new SendBudget.CapUsage(SendBudget.CapKind.DAY, dayCap, dayUsed, dayUsed == 0 ? null : nextDay),
                new SendBudget.CapUsage(SendBudget.CapKind.COLD_DAY, settings.coldPerDay(), coldUsed,
                        coldUsed == 0 ? null : nextDay)),
                warmUpDay, step);
    }

    /**
     * When {@code queuedKnown + queuedCold} automated messages (a campaign) would all have left, if the session
     * stays READY and nothing fails: each pause is its range's mean, cold recipients are spread evenly through
     * the queue, and every cap, warm-up step, quiet hour and the cold budget applies as in {@link #verdict}.
     */
    public Instant estimateFinish(int queuedKnown, int queuedCold, SendHistory history, GovernorSettings settings,
                                  Instant now, ZoneId zone) {
        if (queuedKnown < 0 || queuedCold < 0) {
            throw new IllegalArgumentException("queued counts must not be negative");
        }
        long total = (long) queuedKnown + queuedCold;
        if (total > MAX_ETA_SENDS) {
            throw new IllegalArgumentException("cannot estimate more than " + MAX_ETA_SENDS + " sends: " + total);
        }
        if (total > 0 && queuedCold > 0 && settings.coldPerDay() == 0) {
            throw new IllegalArgumentException("cold recipients are queued but the cold budget is 0: they never send");
        }
        long nowMs = now.toEpochMilli();
        SendTimeline all = clampedCopy(history.all(), nowMs);
        SendTimeline cold = clampedCopy(history.cold(), nowMs);
        Timing timing = new Timing(all, cold, settings, zone, linkDay(history, now, zone), Long.MAX_VALUE);
        long knownPause = settings.spacing().meanMillis();
        long coldPause = settings.firstContactSpacing().meanMillis();
        long at = nowMs;
        for (long i = 0; i < total; i++) {
            boolean isCold = (i + 1) * queuedCold / total > i * queuedCold / total;
            long start = nowMs;
            GovernorReason reason = GovernorReason.OK;
            if (all.size() > 0) {
                start = Math.max(start, all.last() + (isCold ? coldPause : knownPause));
                reason = GovernorReason.SPACING;
            }
            at = timing.earliest(start, reason, true, isCold).at();
            all.append(at);
            if (isCold) {
                cold.append(at);
            }
        }
        return Instant.ofEpochMilli(at);
    }

    private static SendTimeline clampedCopy(SendTimeline timeline, long nowMs) {
        SendTimeline copy = SendTimeline.of(new long[0], 0).mutableCopy();
        for (int i = 0; i < timeline.size(); i++) {
            copy.append(Math.min(timeline.get(i), nowMs));
        }
        return copy;
    }

    private static LocalDate linkDay(SendHistory history, Instant now, ZoneId zone) {
        Instant linked = history.linkedAt() == null ? now : history.linkedAt();
        return linked.atZone(zone).toLocalDate();
    }

    /** Sends strictly after {@code fromMs}, with times after {@code clampMs} counted as at {@code clampMs}. */
    static int countAfter(SendTimeline timeline, long fromMs, long clampMs) {
        return fromMs >= clampMs ? 0 : timeline.countAfter(fromMs);
    }

    /** Sends at or after {@code fromMs}, with times after {@code clampMs} counted as at {@code clampMs}. */
    static int countFrom(SendTimeline timeline, long fromMs, long clampMs) {
        return fromMs > clampMs ? 0 : timeline.countFrom(fromMs);
    }

    private static Instant rollingReset(SendTimeline timeline, int used, long windowMs, long nowMs) {
        if (used == 0) {
            return null;
        }
        return Instant.ofEpochMilli(Math.min(timeline.get(timeline.size() - used), nowMs) + windowMs);
    }

    record Slot(long at, GovernorReason reason) {
    }

    /** The rules that depend on the candidate time, over one pair of timelines. */
    private record Timing(SendTimeline all, SendTimeline cold, GovernorSettings settings, ZoneId zone,
                          LocalDate linkDay, long clampMs) {

        Slot earliest(long start, GovernorReason startReason, boolean automated, boolean toCold) {
            long t = start;
            GovernorReason reason = startReason;
            QuietHours quiet = settings.quietHours();
            for (int round = 0; round < MAX_ROUNDS; round++) {
                boolean moved = false;
                // a first message to someone who never wrote waits too, typed by hand or not: an unsolicited message
                // at night is the pattern spam reports come from
                if ((automated || toCold) && quiet != null) {
                    long next = quiet.nextAllowed(Instant.ofEpochMilli(t), zone).toEpochMilli();
                    if (next > t) {
                        t = next;
                        reason = GovernorReason.QUIET_HOURS;
                        moved = true;
                    }
                }
                long next = release(t, MINUTE_MS, settings.perMinute());
                if (next > t) {
                    t = next;
                    reason = GovernorReason.CAP_MINUTE;
                    moved = true;
                }
                LocalDate day = Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
                WarmUp.Step step = settings.warmUp().stepOn(ChronoUnit.DAYS.between(linkDay, day));
                int hourCap = step == null ? settings.perHour() : Math.min(settings.perHour(), step.perHour());
                int hourLimit = automated ? settings.automatedShare(hourCap) : hourCap;
                next = release(t, HOUR_MS, hourLimit);
                if (next > t) {
                    reason = hourCap == settings.perHour() ? GovernorReason.CAP_HOUR : GovernorReason.WARM_UP_CAP;
                    t = next;
                    moved = true;
                }
                long dayStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
                int dayCap = step == null ? settings.perDay() : Math.min(settings.perDay(), step.perDay());
                int dayLimit = automated ? settings.automatedShare(dayCap) : dayCap;
                int dayUsed = countFrom(all, dayStart, clampMs);
                boolean coldSpent = toCold && countFrom(cold, dayStart, clampMs) >= settings.coldPerDay();
                if (dayUsed >= dayLimit || coldSpent) {
                    reason = dayUsed < dayLimit ? GovernorReason.COLD_BUDGET
                            : dayCap == settings.perDay() ? GovernorReason.CAP_DAY : GovernorReason.WARM_UP_CAP;
                    t = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
                    moved = true;
                }
                if (!moved) {
                    break;
                }
            }
            return new Slot(t, reason);
        }

        /** The earliest time at or after {@code t} when fewer than {@code cap} sends lie in the rolling window. */
        private long release(long t, long windowMs, int cap) {
            if (countAfter(all, t - windowMs, clampMs) < cap) {
                return t;
            }
            return Math.min(all.get(all.size() - cap), clampMs) + windowMs;
        }
    }
}
