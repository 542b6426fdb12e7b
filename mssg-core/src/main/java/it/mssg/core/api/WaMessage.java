package it.mssg.core.api;

import java.time.Instant;

/**
 * A message as WhatsApp reports it.
 *
 * @param waMessageId serialized message key, unique per message
 * @param chatWaId    the chat it belongs to
 * @param authorWaId  the sender in a group, else null
 * @param ack         WhatsApp's ack: -1 error, 0 pending, 1 server, 2 device, 3 read, 4 played
 */
public record WaMessage(String waMessageId, String chatWaId, String authorWaId, boolean fromMe, String body,
                        String type, Instant sentAt, int ack) {
}
