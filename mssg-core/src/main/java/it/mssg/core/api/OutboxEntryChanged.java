package it.mssg.core.api;

import it.mssg.core.domain.sending.GovernorReason;
import it.mssg.core.domain.sending.OutboxEntryState;

/** An outbox entry was created or changed state or reason; published after the change is committed. */
public record OutboxEntryChanged(long entryId, Long campaignId, Long contactId, OutboxEntryState state,
                                 GovernorReason reason) {
}
