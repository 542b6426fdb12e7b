package it.mssg.core.api;

/** A stored message's status moved forward. */
public record MessageAckChanged(long messageId, long chatId, MessageStatus status) {
}
