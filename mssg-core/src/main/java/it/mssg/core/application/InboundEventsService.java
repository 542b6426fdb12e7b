package it.mssg.core.application;

import it.mssg.core.api.ContactsSynced;
import it.mssg.core.api.HistorySynced;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.WaAck;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaLabel;
import it.mssg.core.api.WaMessage;
import it.mssg.core.store.InboundStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The bridge's way in. Each call is one transaction; events are published inside it, so listeners
 * annotated {@code @TransactionalEventListener} see them only after the commit (and never on rollback).
 * A repeated call changes nothing and publishes nothing. Live messages publish one {@link it.mssg.core.api.MessageReceived}
 * each; a page of history publishes one {@link HistorySynced}.
 */
@Service
@Transactional
class InboundEventsService implements InboundEvents {

    private final InboundStore store;
    private final ApplicationEventPublisher events;
    private final CoreProperties properties;
    private final CoreClock clock;

    InboundEventsService(InboundStore store, ApplicationEventPublisher events, CoreProperties properties, CoreClock clock) {
        this.store = store;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void labelsSynced(List<WaLabel> labels) {
        if (labels == null || labels.isEmpty()) return;
        store.syncLabels(labels, clock.instant());
    }

    @Override
    public void contactsSynced(List<WaContact> contacts) {
        if (contacts == null || contacts.isEmpty()) return;
        InboundStore.ContactChanges c = store.syncContacts(contacts, clock.instant());
        if (c.added() + c.updated() > 0) {
            events.publishEvent(new ContactsSynced(c.added(), c.updated()));
        }
    }

    @Override
    public void chatsSynced(List<WaChat> chats) {
        if (chats == null || chats.isEmpty()) return;
        store.syncChats(chats, clock.instant());
    }

    @Override
    public void messagesReceived(List<WaMessage> messages) {
        if (messages == null || messages.isEmpty()) return;
        InboundStore.MessageChanges c = store.storeMessages(messages, clock.instant(), properties.liveWindow());
        // one event for a page of history: a per-message event would be a task for the agent (which never answers
        // history) and a refresh for every open page, 20,000 times in a large account's first sync
        if (c.historyAdded() > 0) {
            events.publishEvent(new HistorySynced(c.historyAdded(), c.historyChats()));
        }
        c.received().forEach(events::publishEvent);
        c.acks().forEach(events::publishEvent);
    }

    @Override
    public void ackChanged(WaAck ack) {
        store.applyAck(ack).forEach(events::publishEvent);
    }
}
