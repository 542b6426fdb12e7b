package it.mssg.agent.domain;

import it.mssg.agent.api.AgentMode;

import java.time.Duration;
import java.util.List;

/**
 * The user's rules for the agent.
 *
 * @param threshold       minimum top score to answer, on the store's {@code (cos + 1) / 2} scale
 * @param ambiguityMargin minimum distance between the best and the second-best entry
 * @param takeoverPause   how long a manual reply pauses automatic answers in that chat
 * @param dailyReplyLimit automatic answers per contact per day (in the window's zone)
 * @param burstGap        inbound messages closer than this belong to one burst, which gets one answer
 * @param staleAfter      messages older than this when they reach the agent are not answered
 * @param blockedTopics   words or phrases that make a chat "needs a human" instead of an answer
 */
public record AgentSettings(double threshold, double ambiguityMargin, AgentMode defaultMode, Duration takeoverPause,
                            ResponseWindow responseWindow, int dailyReplyLimit, Duration burstGap,
                            Duration staleAfter, List<String> blockedTopics) {

    public AgentSettings {
        require(threshold > 0 && threshold <= 1, "threshold must be within (0, 1]");
        require(ambiguityMargin >= 0 && ambiguityMargin < 1, "ambiguityMargin must be within [0, 1)");
        require(defaultMode != null, "defaultMode is required");
        require(takeoverPause != null && !takeoverPause.isNegative(), "takeoverPause must be 0 or more");
        require(responseWindow != null, "responseWindow is required");
        require(dailyReplyLimit >= 1, "dailyReplyLimit must be 1 or more");
        require(burstGap != null && !burstGap.isNegative(), "burstGap must be 0 or more");
        require(staleAfter != null && !staleAfter.isNegative() && !staleAfter.isZero(), "staleAfter must be positive");
        blockedTopics = blockedTopics == null ? List.of()
                : blockedTopics.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
