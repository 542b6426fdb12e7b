package it.mssg.bridge.application;

import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.WaAck;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaLabel;
import it.mssg.core.api.WaMessage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for core: keeps what arrived by WhatsApp id (idempotent, as core is) and every raw call. */
final class RecordingInbound implements InboundEvents {

    final Map<String, WaLabel> labels = new ConcurrentHashMap<>();
    final Map<String, WaContact> contacts = new ConcurrentHashMap<>();
    final Map<String, WaChat> chats = new ConcurrentHashMap<>();
    final Map<String, WaMessage> messages = new ConcurrentHashMap<>();
    final Map<String, Long> messageArrivedAtNanos = new ConcurrentHashMap<>();
    final List<WaMessage> rawMessages = new CopyOnWriteArrayList<>();
    final List<WaAck> acks = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void labelsSynced(List<WaLabel> list) {
        calls.add("labels");
        list.forEach(l -> labels.put(l.id(), l));
    }

    @Override
    public void contactsSynced(List<WaContact> list) {
        calls.add("contacts");
        list.forEach(c -> contacts.put(c.waId(), c));
    }

    @Override
    public void chatsSynced(List<WaChat> list) {
        calls.add("chats");
        list.forEach(c -> chats.put(c.waId(), c));
    }

    @Override
    public void messagesReceived(List<WaMessage> list) {
        calls.add("messages");
        long now = System.nanoTime();
        for (WaMessage m : list) {
            rawMessages.add(m);
            messages.putIfAbsent(m.waMessageId(), m);
            messageArrivedAtNanos.putIfAbsent(m.waMessageId(), now);
        }
    }

    @Override
    public void ackChanged(WaAck ack) {
        calls.add("ack");
        acks.add(ack);
    }
}
