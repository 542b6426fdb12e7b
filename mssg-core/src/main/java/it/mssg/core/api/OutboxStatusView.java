package it.mssg.core.api;

import it.mssg.core.domain.sending.GovernorReason;

/**
 * The send loop as a whole.
 *
 * @param pausedBy     why nothing leaves now (SESSION_NOT_READY, PAUSED_FAILURES), or null when sending
 * @param failureStreak failed sends in a row since the last success or resume
 */
public record OutboxStatusView(GovernorReason pausedBy, int failureStreak, long queued, long uncertain, long sentToday) {
}
