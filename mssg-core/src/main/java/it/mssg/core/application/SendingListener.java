package it.mssg.core.application;

import it.mssg.core.api.MessageAckChanged;
import it.mssg.core.api.MessageReceived;
import it.mssg.core.api.SessionStateChanged;
import it.mssg.core.domain.sending.OutboxEntryState;
import it.mssg.core.store.OutboxStore;
import it.mssg.core.store.ReminderStore;
import it.mssg.core.store.SendingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * What inbound WhatsApp events mean for sending, handled after the bridge's transaction committed, in a short
 * transaction of its own (a failure here never loses the inbound message): an opt-out keyword opts the contact
 * out and blocks their queued automated messages (campaigns included); any live message from a contact clears
 * their follow-up reminders; acks move sent entries to DELIVERED/READ; a session change wakes the send loop.
 */
@Component
class SendingListener {

    private static final Logger log = LoggerFactory.getLogger(SendingListener.class);

    private final SendingDirectory directory;
    private final OutboxStore outbox;
    private final ReminderStore reminders;
    private final GovernorSettingsService governorSettings;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final CoreClock clock;
    private final SendSignal signal;
    private final CampaignService campaigns;

    SendingListener(SendingDirectory directory, OutboxStore outbox, ReminderStore reminders,
                    GovernorSettingsService governorSettings,
                    TransactionTemplate tx, ApplicationEventPublisher events, CoreClock clock, SendSignal signal,
                    CampaignService campaigns) {
        this.directory = directory;
        this.outbox = outbox;
        this.reminders = reminders;
        this.governorSettings = governorSettings;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.signal = signal;
        this.campaigns = campaigns;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(MessageReceived received) {
        if (!received.live() || received.contactId() == null
                || received.direction() != it.mssg.core.api.MessageDirection.INBOUND) {
            return;
        }
        try {
            List<OutboxStore.Row> blocked = tx.execute(t -> inbound(received));
            if (blocked != null && !blocked.isEmpty()) {
                blocked.forEach(r -> events.publishEvent(OutboxService.changed(r)));
                blocked.stream().map(OutboxStore.Row::campaignId).filter(java.util.Objects::nonNull).distinct()
                        .forEach(campaigns::progressed);
                signal.changed();
            }
        } catch (RuntimeException e) {
            log.warn("Could not apply inbound message {} to sending: {}", received.messageId(), e.getMessage(), e);
        }
    }

    /** @return the entries blocked by an opt-out */
    private List<OutboxStore.Row> inbound(MessageReceived received) {
        long contactId = received.contactId();
        reminders.clearForContact(contactId, clock.instant(), clock.instant());
        SendingDirectory.StoredMessage message = directory.message(received.messageId()).orElse(null);
        if (message == null || !governorSettings.keywords().matches(message.body())) {
            return List.of();
        }
        directory.optOut(contactId, clock.instant());
        log.info("Contact {} opted out by keyword", contactId);
        return new ArrayList<>(outbox.blockQueuedAutomatedOf(contactId, clock.instant()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(MessageAckChanged changed) {
        try {
            OutboxStore.Row row = tx.execute(t -> directory.message(changed.messageId())
                    .flatMap(m -> outbox.findByWaMessageId(m.waMessageId()))
                    .map(r -> {
                        OutboxEntryState next = r.state().afterAck(ackOf(changed.status()));
                        if (next != r.state() && outbox.ackState(r.id(), r.state(), next, clock.instant())) {
                            return outbox.find(r.id()).orElse(null);
                        }
                        return null;
                    }).orElse(null));
            if (row != null) {
                events.publishEvent(OutboxService.changed(row));
                if (row.campaignId() != null) {
                    campaigns.progressed(row.campaignId());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not apply an ack to the outbox: {}", e.getMessage(), e);
        }
    }

    private static int ackOf(it.mssg.core.api.MessageStatus status) {
        return switch (status) {
            case FAILED -> -1;
            case PENDING -> 0;
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            case PLAYED -> 4;
        };
    }

    @EventListener
    void on(SessionStateChanged changed) {
        signal.changed();
    }
}
