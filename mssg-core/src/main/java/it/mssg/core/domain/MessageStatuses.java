package it.mssg.core.domain;

import it.mssg.core.api.MessageStatus;

import java.util.Optional;

/** How a message's status may change: only forward (PENDING → SENT → DELIVERED → READ → PLAYED), or to FAILED. */
public final class MessageStatuses {

    private MessageStatuses() {
    }

    /** @return the new status, or empty when {@code incoming} would not change or would move it backwards */
    public static Optional<MessageStatus> advance(MessageStatus current, MessageStatus incoming) {
        if (incoming == null || incoming == current) return Optional.empty();
        if (current == null || incoming == MessageStatus.FAILED) return Optional.of(incoming);
        return incoming.ordinal() > current.ordinal() ? Optional.of(incoming) : Optional.empty();
    }
}
