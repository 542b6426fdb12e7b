package it.mssg.core;

import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import it.mssg.core.api.WaMessage;
import it.mssg.core.spi.WhatsAppGateway;
import it.mssg.core.spi.WhatsAppSession;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WhatsApp for core's integration tests: records every send, keeps each chat's messages for reconciliation,
 * and fails on request. STOPPED until a test says otherwise, so tests that do not send see no session.
 */
@Component
public class FakeWhatsApp implements WhatsAppGateway, WhatsAppSession {

    private final List<OutgoingText> sent = new ArrayList<>();
    private final Map<String, List<WaMessage>> chats = new HashMap<>();
    private final Deque<Exception> failures = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile SessionState state = SessionState.STOPPED;
    private volatile Instant now = Instant.now();

    public synchronized void reset() {
        sent.clear();
        chats.clear();
        failures.clear();
        state = SessionState.STOPPED;
    }

    public void state(SessionState state) {
        this.state = state;
    }

    /** The time stamped on messages sent from now on. */
    public void now(Instant now) {
        this.now = now;
    }

    /** The next send throws {@code failure} (RecipientNotOnWhatsApp or GatewayUnavailable). */
    public synchronized void failNext(Exception failure) {
        failures.add(failure);
    }

    /** A message that is in the chat on WhatsApp's side (e.g. one that left just before a crash). */
    public synchronized String putInChat(String chatWaId, boolean fromMe, String body, Instant at) {
        String id = fromMe + "_" + chatWaId + "_FAKE" + ids.incrementAndGet();
        chats.computeIfAbsent(chatWaId, c -> new ArrayList<>()).add(new WaMessage(id, chatWaId, null, fromMe, body, "chat", at, 1));
        return id;
    }

    public synchronized List<OutgoingText> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized SendReceipt send(OutgoingText text) throws RecipientNotOnWhatsApp, GatewayUnavailable {
        Exception failure = failures.poll();
        if (failure instanceof RecipientNotOnWhatsApp r) {
            throw r;
        }
        if (failure instanceof GatewayUnavailable g) {
            throw g;
        }
        sent.add(text);
        return new SendReceipt(putInChat(text.recipientWaId(), true, text.text(), now), 1);
    }

    @Override
    public synchronized List<WaMessage> recentMessages(String chatWaId, int count) {
        List<WaMessage> all = chats.getOrDefault(chatWaId, List.of());
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }

    @Override
    public SessionStatus status() {
        return new SessionStatus(state, null, null, null, 100, null, Instant.EPOCH);
    }

    @Override
    public void restart() {
    }

    @Override
    public void logout() {
    }

    @Override
    public void openVisibleWindow() {
    }

    @Override
    public Optional<byte[]> screenshot() {
        return Optional.empty();
    }

    @Override
    public Optional<String> simulatorControlUrl() {
        return Optional.empty();
    }
}
