package it.mssg.core.api;

import it.mssg.core.domain.sending.IdempotencyKey;
import it.mssg.core.domain.sending.MessagePurpose;
import it.mssg.core.domain.sending.RenderResult;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to queue in the outbox, to a contact or to a chat (one of the two).
 *
 * @param clientKey a key the sender makes once per composed message (a UUID in the reply box); the same key
 *                  again finds the first entry. Null makes every call a new message.
 * @param notBefore the earliest time it may leave (scheduled messages); null = as soon as the governor allows
 */
public record SendCommand(Long contactId, Long chatId, String text, String clientKey, MessagePurpose purpose,
                          IdempotencyKey.Source source, Instant notBefore) {

    public static final int MAX_CLIENT_KEY = 100;

    public SendCommand {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(source, "source");
        InvalidInputException.require(contactId != null || chatId != null, "contactId",
                "say who gets the message: contactId or chatId");
        InvalidInputException.require(contactId == null || chatId == null, "chatId",
                "give contactId or chatId, not both");
        RenderResult checked = RenderResult.plain(text);
        InvalidInputException.require(checked.ok(), "text", checked.message());
        text = checked.text();
        if (clientKey != null) {
            clientKey = clientKey.strip();
            InvalidInputException.require(!clientKey.isEmpty() && clientKey.length() <= MAX_CLIENT_KEY,
                    "idempotencyKey", "an idempotency key is 1 to " + MAX_CLIENT_KEY + " characters");
        }
    }

    /** Typed in the reply box or sent through the API. */
    public static SendCommand reply(Long contactId, Long chatId, String text, String clientKey) {
        return new SendCommand(contactId, chatId, text, clientKey, MessagePurpose.REPLY, IdempotencyKey.Source.API, null);
    }

    /** A message the user scheduled for {@code at}. */
    public static SendCommand scheduled(Long contactId, Long chatId, String text, Instant at, String clientKey) {
        Objects.requireNonNull(at, "at");
        return new SendCommand(contactId, chatId, text, clientKey, MessagePurpose.SCHEDULED,
                IdempotencyKey.Source.SCHEDULE, at);
    }

    /** The reply agent's answer to the inbound message {@code inReplyTo}: one answer per inbound message. */
    public static SendCommand agentReply(long chatId, long inReplyTo, String text) {
        return new SendCommand(null, chatId, text, "reply-to-" + inReplyTo, MessagePurpose.AGENT_REPLY,
                IdempotencyKey.Source.AGENT, null);
    }
}
