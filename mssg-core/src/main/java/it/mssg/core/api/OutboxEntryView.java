package it.mssg.core.api;

import it.mssg.core.domain.sending.GovernorReason;
import it.mssg.core.domain.sending.MessagePurpose;
import it.mssg.core.domain.sending.OutboxEntryState;

import java.time.Instant;

/**
 * One outbox entry. {@code body} and {@code recipientName} may come from WhatsApp: escape them.
 *
 * @param reason     the governor's reason of the last verdict (why it waits, is held or was blocked), or null
 * @param reasonText {@code reason} as a sentence, or null
 * @param detail     more about a failure or block (e.g. "not on WhatsApp"), or null
 */
public record OutboxEntryView(long id, OutboxEntryState state, GovernorReason reason, String reasonText, String detail,
                              MessagePurpose purpose, Long contactId, String recipientName, String recipientWaId,
                              String body, Long campaignId, Instant notBefore, Instant sentAt, String waMessageId,
                              Instant createdAt, Instant updatedAt) {
}
