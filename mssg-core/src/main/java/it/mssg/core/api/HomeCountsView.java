package it.mssg.core.api;

/** @param unreadChats chats with unread messages; @param unreadMessages sum of unread counts */
public record HomeCountsView(long contacts, long chats, long unreadChats, long unreadMessages) {
}
