package it.mssg.core.api;

import java.time.Instant;

/**
 * A campaign and its progress. {@code name} and {@code template} are the user's text: escape them.
 *
 * @param stateReason why it is paused or waiting (e.g. "WhatsApp is not connected"), or null
 * @param total       recipients enqueued
 * @param pending     not yet sent (queued or uncertain)
 * @param skipped     selected but skipped when it started (opted out, missing value …)
 * @param eta         the governor's estimate of when the pending ones will all have left, or null
 */
public record CampaignView(long id, String name, String tagExpression, String template, CampaignState state,
                           String stateReason, long total, long sent, long pending, long failed, long blocked,
                           long cancelled, int skipped, Instant eta, Instant createdAt, Instant startedAt,
                           Instant finishedAt) {

    /** 0–100 for the progress bar: entries that are done (left, failed, blocked or cancelled). */
    public int percentDone() {
        return total == 0 ? 0 : (int) ((total - pending) * 100 / total);
    }
}
