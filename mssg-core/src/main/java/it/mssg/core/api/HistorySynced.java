package it.mssg.core.api;

/**
 * A page of messages older than the live window (a history sync) was stored: one event for the page, not
 * one per message. History is neither unread nor answered: it never becomes a {@link MessageReceived}.
 *
 * @param messages how many messages were stored for the first time
 * @param chats    how many chats they belong to
 */
public record HistorySynced(int messages, int chats) {
}
