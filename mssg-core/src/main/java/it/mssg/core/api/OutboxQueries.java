package it.mssg.core.api;

/** What the outbox holds and how much may still be sent, for screens and the API. */
public interface OutboxQueries {

    /** Entries newest first; {@code state} and {@code campaignId} filter when not null. */
    PageView<OutboxEntryView> list(OutboxState state, Long campaignId, Paging paging);

    /** @throws NotFoundException unknown id */
    OutboxEntryView get(long id);

    /** The latest 50 entries to one contact, oldest first: the conversation's queued → sent → read ticks. */
    java.util.List<OutboxEntryView> recentForContact(long contactId);

    OutboxStatusView status();

    /** What is left today under each cap: the send budget chart on Home. */
    SendBudgetView budget();

    /**
     * The zone the user's times are in: quiet hours, daily caps, and a time picked to send later
     * ({@code mssg.outbox.time-zone}, else this machine's).
     */
    java.time.ZoneId timeZone();
}
