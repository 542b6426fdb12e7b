package it.mssg.core.api;

import java.time.Instant;

/**
 * A message. {@code body} is untrusted: escape it.
 *
 * @param authorWaId the sender in a group, else null
 * @param type       WhatsApp's type, e.g. {@code chat}, {@code image}
 */
public record MessageView(long id, long chatId, String waMessageId, MessageDirection direction, String authorWaId,
                          String body, String type, Instant sentAt, MessageStatus status) {
}
