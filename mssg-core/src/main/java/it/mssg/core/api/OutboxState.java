package it.mssg.core.api;

/**
 * Where an outbox entry is: QUEUED → SENDING → SENT → DELIVERED → READ, or FAILED, BLOCKED (the governor refused
 * it; see the reason), CANCELLED, UNCERTAIN (interrupted mid-send: checked against the chat before anything is
 * sent again). The same names as the domain's state machine.
 */
public enum OutboxState {
    QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, BLOCKED, CANCELLED, UNCERTAIN
}
