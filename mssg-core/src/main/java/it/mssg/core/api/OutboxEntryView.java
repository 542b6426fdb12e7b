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
}
