package it.mssg.core.api;

/**
 * The one way to send a message: it becomes an outbox entry first and leaves later, only through the send
 * governor. Used by the reply box, the REST API, scheduled messages and the reply agent.
 */
public interface SendMessages {

    /**
     * Queues a message. The same idempotency key twice returns the first entry (a double click makes one
     * message).
     *
     * @throws InvalidInputException empty or too long text, no recipient
     * @throws NotFoundException     unknown contact or chat
     */
    OutboxEntryView send(SendCommand command);
}
