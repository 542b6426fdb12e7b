package it.mssg.core.api;

import it.mssg.core.domain.sending.GovernorSettings;
import it.mssg.core.domain.sending.QuietHours;
import it.mssg.core.domain.sending.SpacingRange;
import it.mssg.core.domain.sending.WarmUp;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The governor's settings in plain units for forms and JSON. Spacing in seconds; {@code quietStart}/{@code quietEnd}
 * both null = no quiet hours; {@code warmUp} false = full caps from the first day.
 */
public record GovernorSettingsView(long replySpacingMinSeconds, long replySpacingMaxSeconds,
                                   long spacingMinSeconds, long spacingMaxSeconds,
                                   long firstContactSpacingMinSeconds, long firstContactSpacingMaxSeconds,
                                   int perMinute, int perHour, int perDay, boolean warmUp,
                                   LocalTime quietStart, LocalTime quietEnd, long recipientGapMinutes,
                                   long duplicateWindowHours, int coldPerDay, int failuresBeforePause,
                                   long conversationWindowHours, int replyReservePercent) {

    public static GovernorSettingsView of(GovernorSettings s) {
        return new GovernorSettingsView(s.replySpacing().min().toSeconds(), s.replySpacing().max().toSeconds(),
                s.spacing().min().toSeconds(), s.spacing().max().toSeconds(),
                s.firstContactSpacing().min().toSeconds(), s.firstContactSpacing().max().toSeconds(),
                s.perMinute(), s.perHour(), s.perDay(), !s.warmUp().steps().isEmpty(),
                s.quietHours() == null ? null : s.quietHours().start(),
                s.quietHours() == null ? null : s.quietHours().end(),
                s.recipientGap().toMinutes(), s.duplicateWindow().toHours(), s.coldPerDay(), s.failuresBeforePause(),
                s.conversationWindow().toHours(), s.replyReservePercent());
    }

    /** @throws InvalidInputException with the governor's own explanation */
    public GovernorSettings toSettings() {
        InvalidInputException.require((quietStart == null) == (quietEnd == null), "quietStart",
                "give both ends of the quiet hours, or neither");
        // checked before any Duration is made: a huge number would overflow it rather than be refused by the rules
        long longestPause = SpacingRange.LONGEST.toSeconds();
        for (long seconds : new long[]{replySpacingMinSeconds, replySpacingMaxSeconds, spacingMinSeconds, spacingMaxSeconds,
                firstContactSpacingMinSeconds, firstContactSpacingMaxSeconds}) {
            InvalidInputException.require(seconds <= longestPause, "spacing", "a pause can be at most " + longestPause
                    + " seconds (a day; you set " + seconds + "); to send nothing for a while, pause sending instead");
        }
        long longestWindow = GovernorSettings.LONGEST_WINDOW.toHours();
        InvalidInputException.require(recipientGapMinutes <= longestWindow * 60, "recipientGapMinutes",
                "the gap between messages to one person can be at most " + longestWindow * 60 + " minutes (7 days)");
        InvalidInputException.require(duplicateWindowHours <= longestWindow, "duplicateWindowHours",
                "the duplicate window can be at most " + longestWindow + " hours (7 days)");
        InvalidInputException.require(conversationWindowHours <= longestWindow, "conversationWindowHours",
                "the conversation window can be at most " + longestWindow + " hours (7 days)");
        try {
            return new GovernorSettings(SpacingRange.ofSeconds(replySpacingMinSeconds, replySpacingMaxSeconds),
                    SpacingRange.ofSeconds(spacingMinSeconds, spacingMaxSeconds),
                    SpacingRange.ofSeconds(firstContactSpacingMinSeconds, firstContactSpacingMaxSeconds),
                    perMinute, perHour, perDay, warmUp ? GovernorSettings.defaults().warmUp() : WarmUp.none(),
                    quietStart == null ? null : new QuietHours(quietStart, quietEnd),
                    Duration.ofMinutes(recipientGapMinutes), Duration.ofHours(duplicateWindowHours), coldPerDay,
                    failuresBeforePause, Duration.ofHours(conversationWindowHours), replyReservePercent);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(null, e.getMessage());
        }
    }
}
