package it.mssg.core.api;

import java.time.Instant;

/**
 * One outbox entry. {@code body} and {@code recipientName} may come from WhatsApp: escape them.
 *
 * @param reason     the governor's reason code of the last verdict (e.g. QUIET_HOURS, OPTED_OUT, SESSION_NOT_READY),
 *                   or null
 * @param reasonText {@code reason} as a sentence for screens, or null
 * @param detail     more about a failure or block (e.g. "not on WhatsApp"), or null
 * @param purpose    REPLY, AGENT_REPLY, OPT_OUT_CONFIRMATION, SCHEDULED, FOLLOW_UP or CAMPAIGN
 */
public record OutboxEntryView(long id, OutboxState state, String reason, String reasonText, String detail,
                              String purpose, Long contactId, String recipientName, String recipientWaId,
                              String body, Long campaignId, Instant notBefore, Instant sentAt, String waMessageId,
                              Instant createdAt, Instant updatedAt) {

    /** What holds it back or held it, in words where there are words for it; null when nothing does. */
    public String why() {
        return reasonText != null ? reasonText : reason;
    }

    /** The detail when it says more than {@link #why()} (a blocked entry's detail often repeats its reason). */
    public String detailBeyondWhy() {
        if (detail == null || detail.isBlank()) return null;
        String why = why();
        return why != null && why.strip().equalsIgnoreCase(detail.strip()) ? null : detail;
    }

    /** It has not left, so it can still be cancelled ({@link OutboxCommands#cancel}). */
    public boolean cancellable() {
        return state == OutboxState.QUEUED || state == OutboxState.BLOCKED || state == OutboxState.UNCERTAIN;
    }

    /** It failed or was held back for good, so it can be queued again ({@link OutboxCommands#retry}). */
    public boolean retryable() {
        return state == OutboxState.FAILED || state == OutboxState.BLOCKED;
    }
}
