package it.mssg.core.api;

/**
 * A message was stored for the first time (a repeated event publishes nothing).
 *
 * @param contactId the contact of a one-to-one chat, or null for groups and unknown senders
 * @param live      true for a message that arrived now, false for one found by a history sync
 */
public record MessageReceived(long messageId, long chatId, Long contactId, MessageDirection direction, boolean live) {
}
