package it.mssg.agent.api;

import it.mssg.core.api.InvalidInputException;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The agent's rules as the user sees and edits them.
 *
 * @param threshold              minimum score to answer, on the {@code (cos + 1) / 2} scale (0.5 means unrelated)
 * @param ambiguityMargin        minimum lead of the best entry over the second
 * @param takeoverPauseMinutes   a manual reply pauses automatic answers in that chat this long
 * @param windowOpens            automatic answers only from this time of day (equal to windowCloses: always)
 * @param zoneId                 the zone of the window and of "per day", e.g. {@code Europe/Rome}
 * @param dailyReplyLimit        automatic answers per contact per day
 * @param burstGapSeconds        messages closer than this form one burst, which gets one answer
 * @param staleAfterMinutes      older messages (a backlog after a reconnect) are not answered
 * @param blockedTopics          words or phrases that send the chat to "needs a human"
 */
public record AgentSettingsView(double threshold, double ambiguityMargin, AgentMode defaultMode,
                                int takeoverPauseMinutes, LocalTime windowOpens, LocalTime windowCloses,
                                String zoneId, int dailyReplyLimit, int burstGapSeconds, int staleAfterMinutes,
                                List<String> blockedTopics) {

    public AgentSettingsView {
        blockedTopics = blockedTopics == null ? List.of()
                : blockedTopics.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        InvalidInputException.require(threshold > 0 && threshold <= 1, "threshold", "threshold must be above 0 and at most 1");
        InvalidInputException.require(ambiguityMargin >= 0 && ambiguityMargin < 1, "ambiguityMargin",
                "ambiguity margin must be at least 0 and below 1");
        InvalidInputException.require(defaultMode != null, "defaultMode", "choose a default mode");
        InvalidInputException.require(takeoverPauseMinutes >= 0 && takeoverPauseMinutes <= 7 * 24 * 60,
                "takeoverPauseMinutes", "the pause after a manual reply must be 0 to 10080 minutes");
        InvalidInputException.require(windowOpens != null && windowCloses != null, "windowOpens", "give both window times");
        InvalidInputException.require(validZone(zoneId), "zoneId", "unknown time zone");
        InvalidInputException.require(dailyReplyLimit >= 1 && dailyReplyLimit <= 1000, "dailyReplyLimit",
                "the daily limit must be 1 to 1000");
        InvalidInputException.require(burstGapSeconds >= 0 && burstGapSeconds <= 86_400, "burstGapSeconds",
                "the burst gap must be 0 to 86400 seconds");
        InvalidInputException.require(staleAfterMinutes >= 1 && staleAfterMinutes <= 7 * 24 * 60, "staleAfterMinutes",
                "the stale limit must be 1 to 10080 minutes");
        InvalidInputException.require(blockedTopics.size() <= 200 && String.join("\n", blockedTopics).length() <= 4000,
                "blockedTopics", "at most 200 blocked topics and 4000 characters");
    }

    private static boolean validZone(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) return false;
        try {
            ZoneId.of(zoneId);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
