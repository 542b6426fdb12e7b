package it.mssg.core.api;

/**
 * The send loop as a whole.
 *
 * @param pausedBy      why nothing leaves now (SESSION_NOT_READY, PAUSED_FAILURES), or null when sending
 * @param pausedText    {@code pausedBy} as a sentence, or null
 * @param failureStreak failed sends in a row since the last success or resume
 */
public record OutboxStatusView(String pausedBy, String pausedText, int failureStreak, long queued, long uncertain,
                               long sentToday) {
}
