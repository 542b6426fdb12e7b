package it.mssg.core.api;

/**
 * A message that arrived now was stored for the first time (a repeated event publishes nothing). Messages
 * older than core's live window (a history sync) are reported per page as {@link HistorySynced} instead.
 *
 * @param contactId the contact of a one-to-one chat, or null for groups and unknown senders
 * @param live      true whenever core publishes it; listeners still check it, so an old message never gets an answer
 */
public record MessageReceived(long messageId, long chatId, Long contactId, MessageDirection direction, boolean live) {
}
