package it.mssg.core.domain.sending;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an outbox entry is in its life. The allowed moves:
 *
 * <pre>
 * QUEUED    → SENDING (governor allowed it), BLOCKED (governor refused it), CANCELLED
 * SENDING   → SENT (gateway returned a receipt), FAILED (recipient not on WhatsApp, nothing left),
 *             UNCERTAIN (gateway unavailable mid-send, or found SENDING at start-up)
 * UNCERTAIN → SENT (the chat shows our message), QUEUED (the chat shows it never left), CANCELLED
 * SENT      → DELIVERED, READ, FAILED (WhatsApp's error ack)
 * DELIVERED → READ
 * FAILED    → QUEUED (the user retries)
 * BLOCKED   → QUEUED (the user retries after the cause is gone), CANCELLED
 * READ, CANCELLED: final
 * </pre>
 *
 * Only SENDING → UNCERTAIN → reconciliation can lead to a send after a crash, and it resends only when the chat
 * proves the first attempt did not leave: a crash never loses a message and never sends one twice.
 */
public enum OutboxEntryState {
    QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, BLOCKED, CANCELLED, UNCERTAIN;

    private Set<OutboxEntryState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(SENDING, BLOCKED, CANCELLED);
            case SENDING -> EnumSet.of(SENT, FAILED, UNCERTAIN);
            case UNCERTAIN -> EnumSet.of(SENT, QUEUED, CANCELLED);
            case SENT -> EnumSet.of(DELIVERED, READ, FAILED);
            case DELIVERED -> EnumSet.of(READ);
            case FAILED -> EnumSet.of(QUEUED);
            case BLOCKED -> EnumSet.of(QUEUED, CANCELLED);
            case READ, CANCELLED -> EnumSet.noneOf(OutboxEntryState.class);
        };
    }

    public boolean canMoveTo(OutboxEntryState target) {
        return next().contains(target);
    }

    /** @throws IllegalStateException when the move is not allowed */
    public OutboxEntryState moveTo(OutboxEntryState target) {
        if (!canMoveTo(target)) {
            throw new IllegalStateException("outbox entry cannot move from " + this + " to " + target);
        }
        return target;
    }

    /** Nothing more will happen to it. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The message reached WhatsApp's server (it counts for caps, gaps and duplicates). */
    public boolean hasLeft() {
        return this == SENT || this == DELIVERED || this == READ;
    }

    /** Still waiting to go: the outbox's send loop picks these up. */
    public boolean isPending() {
        return this == QUEUED;
    }

    /** What an entry found in this state at start-up becomes before anything else runs. */
    public OutboxEntryState atStartUp() {
        return this == SENDING ? UNCERTAIN : this;
    }

    /**
     * The state after a WhatsApp ack (-1 error, 0 pending, 1 server, 2 device, 3 read, 4 played). Acks arrive
     * out of order and repeated: a late lower ack, or an ack for an entry that has not left, changes nothing.
     */
    public OutboxEntryState afterAck(int ack) {
        if (!hasLeft()) {
            return this;
        }
        OutboxEntryState target = switch (ack) {
            case 1 -> SENT;
            case 2 -> DELIVERED;
            default -> ack < 0 ? FAILED : ack >= 3 ? READ : this;
        };
        if (target == FAILED && this != SENT) {
            return this;
        }
        return canMoveTo(target) ? target : this;
    }
}
