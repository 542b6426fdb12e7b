package it.mssg.core.api;

/** What the user can do to outbox entries and the send loop. */
public interface OutboxCommands {

    /** Cancels a queued, blocked or uncertain entry. @throws ConflictException when it already left */
    OutboxEntryView cancel(long id);

    /** Queues a failed or blocked entry again. @throws ConflictException in any other state */
    OutboxEntryView retry(long id);

    /** Resumes sending after the auto-pause on consecutive failures. */
    OutboxStatusView resume();
}
