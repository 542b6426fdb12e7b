package it.mssg.core.api;

/**
 * An outbox entry was created or changed state or reason; published after the change is committed.
 *
 * @param reason the governor's reason code, or null
 */
public record OutboxEntryChanged(long entryId, Long campaignId, Long contactId, OutboxState state, String reason) {
}
