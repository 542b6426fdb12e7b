package it.mssg.core.application;

import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.MessageStatus;
import it.mssg.core.api.SessionControl;
import it.mssg.core.api.WaMessage;
import it.mssg.core.domain.sending.GovernorReason;
import it.mssg.core.domain.sending.GovernorSettings;
import it.mssg.core.domain.sending.GovernorVerdict;
import it.mssg.core.domain.sending.OutboxEntryState;
import it.mssg.core.domain.sending.Reconciliation;
import it.mssg.core.domain.sending.SendGovernor;
import it.mssg.core.domain.sending.SendHistory;
import it.mssg.core.domain.sending.SendRequestFacts;
import it.mssg.core.spi.WhatsAppGateway;
import it.mssg.core.spi.WhatsAppSession;
import it.mssg.core.store.InboundStore;
import it.mssg.core.store.OutboxStore;
import it.mssg.core.store.SendingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The one thread that sends. Each step: settle UNCERTAIN entries against the chat (nothing else leaves while
 * any is unsettled), then, in one transaction, pick the next due entry (answers first), read its recipient's facts,
 * ask the governor and write its answer: wait (the reason shown on the entry), hold, block, or SENDING. After that
 * commit (made durable on disk) the gateway is called, then SENT and the message in its chat are committed
 * together. At start-up every SENDING entry becomes UNCERTAIN first: a crash never loses a message and never sends
 * one twice.
 * <p>
 * Only this loop and start-up make entries UNCERTAIN, so the loop looks for them only when one of the two may
 * have made one ({@link #uncertainMayExist}), not at every step. The events it publishes are built from what it
 * just wrote, not read back.
 */
@Component
class SendLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendLoop.class);
    /** How much further back a reconciliation looks each round, and how many rounds before trying later. */
    private static final int FETCH_GROWTH = 4;
    private static final int FETCH_ROUNDS = 3;

    private final OutboxStore store;
    private final SendingDirectory directory;
    private final GovernorSettingsService governorSettings;
    private final SessionControl session;
    private final ObjectProvider<WhatsAppGateway> gateway;
    private final ObjectProvider<WhatsAppSession> whatsapp;
    private final InboundEvents inbound;
    private final InboundStore inboundStore;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final CoreClock clock;
    private final SendSignal signal;
    private final SendState state;
    private final OutboxService outbox;
    private final CampaignService campaigns;
    private final OutboxProperties properties;
    private final SendGovernor governor = new SendGovernor(new Random());

    private volatile boolean running;
    private Thread thread;
    /**
     * How long the in-memory send history is kept before it is read again from the outbox. The loop is the only
     * sender and extends it after each send, so the read only drops sends that fell out of the lookback window
     * (and FAILED acks, which can only make the governor stricter while they are kept).
     */
    private static final Duration HISTORY_REFRESH = Duration.ofHours(1);
    /** Sends of the lookback window, read from the outbox and extended by each send of this loop; null = read again. */
    private SendHistory.Builder recentSends;
    private Instant historyReadAt;
    private GovernorSettings historySettings;
    /** {@link #recentSends} built, with the failure streak and link time it was built with; null = build again. */
    private SendHistory builtHistory;

    /** See {@link #gateway()}; null until found. */
    private volatile WhatsAppGateway gatewayFound;

    /** The entry an ALLOW verdict committed to, and when it may leave; kept across wake-ups so the pause is not redrawn. */
    private long allowedId = -1;
    private Instant allowedAt;
    /** False once a look found no UNCERTAIN entry; true again after start-up or a send that ended uncertain. */
    private volatile boolean uncertainMayExist = true;
    /** The last step found nothing queued and nothing timed: the loop may sleep until woken (see OutboxProperties). */
    private boolean nothingQueued;

    SendLoop(OutboxStore store, SendingDirectory directory, GovernorSettingsService governorSettings, SessionControl session,
             ObjectProvider<WhatsAppGateway> gateway, ObjectProvider<WhatsAppSession> whatsapp, InboundEvents inbound,
             InboundStore inboundStore, ApplicationEventPublisher events, TransactionTemplate tx, CoreClock clock, SendSignal signal,
             SendState state, OutboxService outbox, CampaignService campaigns, OutboxProperties properties) {
        this.store = store;
        this.directory = directory;
        this.governorSettings = governorSettings;
        this.session = session;
        this.gateway = gateway;
        this.whatsapp = whatsapp;
        this.inbound = inbound;
        this.inboundStore = inboundStore;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.signal = signal;
        this.state = state;
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        int uncertain = markUncertainAtStartUp();
        if (uncertain > 0) {
            log.warn("{} outbox entries were being sent when mssg stopped; they are checked against their chats"
                    + " before anything is sent", uncertain);
        }
        running = true;
        if (!properties.sendLoop()) {
            return;
        }
        thread = new Thread(this::run, "mssg-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** SENDING → UNCERTAIN for every entry; runs before the loop's first step. */
    int markUncertainAtStartUp() {
        uncertainMayExist = true;
        Integer n = tx.execute(t -> store.sendingToUncertain(clock.instant()));
        return n == null ? 0 : n;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the bridge (which starts in the default phase) so the gateway is there when the first send comes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE + 1000;
    }

    private void run() {
        while (running) {
            try {
                long seen = signal.version();
                long sleep = step();
                if (sleep > 0) {
                    signal.await(seen, sleepAfter(sleep));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("The send loop failed a step; it tries again shortly", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How long to sleep after a step that asked for {@code sleep}: capped, and capped longer when nothing is queued. */
    long sleepAfter(long sleep) {
        Duration cap = nothingQueued ? properties.idleSleep() : properties.longestSleep();
        return Math.min(sleep, cap.toMillis());
    }

    /**
     * The gateway (a singleton, when the bridge is there), remembered once found: resolving the provider at every
     * step was a bean-factory look-up each time.
     */
    private WhatsAppGateway gateway() {
        WhatsAppGateway found = gatewayFound;
        if (found == null) {
            found = gateway.getIfAvailable();
            gatewayFound = found;
        }
        return found;
    }

    /**
     * One step of the loop; package-private so tests can drive it without the thread.
     *
     * @return how long to sleep before the next step (0 = go on now)
     */
    long step() {
        nothingQueued = false;
        Instant now = clock.instant();
        boolean ready = session.status().isReady() && gateway() != null;
        if (ready) {
            state.seenReady(now);
        }
        if (uncertainMayExist) {
            List<OutboxStore.Row> uncertain = tx.execute(t -> store.inState(OutboxEntryState.UNCERTAIN));
            if (!uncertain.isEmpty()) {
                if (!ready) {
                    state.pausedBy(GovernorReason.SESSION_NOT_READY);
                    return Long.MAX_VALUE;
                }
                for (OutboxStore.Row row : uncertain) {
                    reconcile(row);
                }
                boolean settled = tx.execute(t -> store.inState(OutboxEntryState.UNCERTAIN)).isEmpty();
                uncertainMayExist = !settled;
                return settled ? 0 : properties.longestSleep().toMillis();
            }
            uncertainMayExist = false;
        }
        // one transaction: the next due entry and its recipient's facts, the governor's verdict, and what it writes
        // (the reason shown on the entry, a block, or SENDING); the events and the send itself follow its commit
        Decision decision = tx.execute(t -> decide(now, ready));
        decision.changes().forEach(c -> published(c.row(), c.state(), c.reason(), c.campaignCounts()));
        if (decision.claimed() != null) {
            send(decision.claimed(), decision.cold());
        }
        return decision.sleep();
    }

    /** An entry the loop moved (or whose shown reason it changed), to publish once the transaction has committed. */
    private record Change(OutboxStore.Row row, OutboxEntryState state, GovernorReason reason, boolean campaignCounts) {
    }

    /**
     * What one step decided: how long to sleep, what it changed, and the entry it claimed (SENDING committed with
     * the decision) to send now, or null.
     */
    private record Decision(long sleep, List<Change> changes, OutboxStore.Row claimed, boolean cold) {

        static Decision sleep(long millis, List<Change> changes) {
            return new Decision(millis, changes, null, false);
        }
    }

    /** The step's reads, the governor and its writes; runs in the step's transaction. */
    private Decision decide(Instant now, boolean ready) {
        List<Change> changes = new ArrayList<>(1);
        Due due = due(now, ready);
        OutboxStore.Row row = due.row();
        if (row == null) {
            state.pausedBy(ready ? null : GovernorReason.SESSION_NOT_READY);
            Instant next = due.nextTimed();
            nothingQueued = next == null;
            return Decision.sleep(next == null ? Long.MAX_VALUE : Math.max(1, Duration.between(now, next).toMillis()), changes);
        }
        GovernorSettings settings = governorSettings.current();
        SendRequestFacts facts = due.facts();
        SendHistory history = history(now, settings);
        if (row.id() != allowedId) {
            allowedId = -1;
            GovernorVerdict verdict = governor.verdict(facts, history, settings, now, properties.zone());
            if (!verdict.allowed()) {
                return notAllowed(row, verdict, changes);
            }
            allowedId = row.id();
            allowedAt = verdict.at();
            if (verdict.at().isAfter(now)) {
                note(row, GovernorReason.SPACING, null, changes);
            }
        }
        if (allowedAt.isAfter(now)) {
            state.pausedBy(null);
            return Decision.sleep(Math.max(1, Duration.between(now, allowedAt).toMillis()), changes);
        }
        allowedId = -1;
        GovernorVerdict confirmed = governor.confirm(facts, history, settings, now, properties.zone());
        if (!confirmed.allowed()) {
            return notAllowed(row, confirmed, changes);
        }
        state.pausedBy(null);
        if (!store.markSending(row.id(), clock.instant())) {
            return Decision.sleep(0, changes); // cancelled in the meantime
        }
        return new Decision(0, changes, row, facts.cold());
    }

    /**
     * The governor's view of recent sends: read from the outbox once an hour (or when the settings or the clock
     * changed), and extended in memory by every send of this loop in between, so a step costs no history query.
     * The built history is kept until a send extends it: building copies every recipient's sends, and a message
     * takes two steps.
     */
    private SendHistory history(Instant now, GovernorSettings settings) {
        if (recentSends == null || settings != historySettings || now.isBefore(historyReadAt)
                || !now.isBefore(historyReadAt.plus(HISTORY_REFRESH))) {
            recentSends = tx.execute(t -> store.history(now.minus(settings.historyLookback())));
            historyReadAt = now;
            historySettings = settings;
            builtHistory = null;
        }
        int streak = state.failureStreak();
        Instant linkedAt = state.linkedAt();
        SendHistory built = builtHistory;
        if (built == null || built.failureStreak() != streak || !Objects.equals(built.linkedAt(), linkedAt)) {
            built = recentSends.failureStreak(streak).linkedAt(linkedAt).build();
            builtHistory = built;
        }
        return built;
    }

    /**
     * Reads the history again and looks for UNCERTAIN entries at the next step (the outbox table was changed
     * behind the loop's back, e.g. emptied by a test).
     */
    void forgetHistory() {
        recentSends = null;
        uncertainMayExist = true;
    }

    /** What one step reads, in one transaction: the next due entry and its recipient's facts, or when one is due. */
    private record Due(OutboxStore.Row row, SendRequestFacts facts, Instant nextTimed) {
    }

    /** Facts are read fresh at every step: an opt-out or an inbound message that arrived a second ago counts. */
    private Due due(Instant now, boolean ready) {
        OutboxStore.Row row = store.nextDue(now).orElse(null);
        if (row == null) {
            return new Due(null, null, store.nextTimedAfter(now));
        }
        SendRequestFacts facts = new SendRequestFacts(row.recipientWaId(), row.purpose(), row.textFingerprint(),
                directory.lastInboundAt(row.recipientWaId()), directory.optedOutAt(row.contactId(), row.recipientWaId()),
                ready);
        return new Due(row, facts, null);
    }

    private Decision notAllowed(OutboxStore.Row row, GovernorVerdict verdict, List<Change> changes) {
        Instant now = clock.instant();
        switch (verdict.decision()) {
            case BLOCK -> {
                if (store.move(row.id(), OutboxEntryState.QUEUED, OutboxEntryState.BLOCKED, verdict.reason(),
                        verdict.reason().description(), now)) {
                    changes.add(new Change(row, OutboxEntryState.BLOCKED, verdict.reason(), true));
                }
                return Decision.sleep(0, changes);
            }
            case HOLD -> {
                state.pausedBy(verdict.reason());
                note(row, verdict.reason(), null, changes);
                return Decision.sleep(Long.MAX_VALUE, changes);
            }
            default -> {
                state.pausedBy(null);
                if (verdict.reason() == GovernorReason.RECIPIENT_GAP) {
                    note(row, verdict.reason(), verdict.at(), changes); // holds this entry alone; the others go on
                    return Decision.sleep(0, changes);
                }
                note(row, verdict.reason(), null, changes);
                return Decision.sleep(Math.max(1, verdict.delayFrom(now).toMillis()), changes);
            }
        }
    }

    /** Shows the governor's reason on the entry; writes only when it changed. Runs in the step's transaction. */
    private void note(OutboxStore.Row row, GovernorReason reason, Instant nextAttemptAt, List<Change> changes) {
        if (row.reason() == reason && nextAttemptAt == null && row.nextAttemptAt() == null) {
            return;
        }
        if (store.noteVerdict(row.id(), reason, nextAttemptAt, clock.instant())) {
            changes.add(new Change(row, OutboxEntryState.QUEUED, reason, true));
        }
    }

    /** Sends {@code row}, whose SENDING the step has just committed. */
    private void send(OutboxStore.Row row, boolean cold) {
        store.makeCommitsDurable(); // SENDING is on disk before the message can leave
        published(row, OutboxEntryState.SENDING, GovernorReason.OK, false); // still pending: campaign counts unchanged
        WhatsAppGateway.SendReceipt receipt;
        try {
            receipt = gateway().send(new WhatsAppGateway.OutgoingText(row.recipientWaId(), row.body()));
        } catch (WhatsAppGateway.RecipientNotOnWhatsApp e) {
            failed(row, OutboxEntryState.FAILED, e.why());
            return;
        } catch (WhatsAppGateway.GatewayUnavailable | RuntimeException e) {
            log.warn("Send of outbox entry {} is uncertain: {}", row.id(), e.getMessage());
            failed(row, OutboxEntryState.UNCERTAIN, bounded(e.getMessage()));
            return;
        }
        Instant sentAt = clock.instant();
        OutboxEntryState now = sentIntoChat(row, receipt.waMessageId(), cold, sentAt, receipt.ack());
        if (recentSends != null) {
            recentSends.sent(row.recipientWaId(), sentAt, row.textFingerprint(), cold);
            builtHistory = null;
        }
        state.failureStreak(0);
        published(row, now, null, true);
    }

    private void failed(OutboxStore.Row row, OutboxEntryState target, String detail) {
        if (target == OutboxEntryState.UNCERTAIN) {
            uncertainMayExist = true; // set before the write: the next step must look, whatever happens here
        }
        boolean moved = Boolean.TRUE.equals(tx.execute(t -> store.move(row.id(), OutboxEntryState.SENDING, target, null,
                detail, clock.instant())));
        state.failureStreak(state.failureStreak() + 1);
        if (moved) {
            published(row, target, null, true);
        }
    }

    /**
     * SENT, and the message the loop has just sent joins its chat, in one transaction: the same rows and live event
     * as a message WhatsApp reports ({@link InboundStore#storeSent}), then the acks that came early. WhatsApp's echo
     * of it, stored by the bridge before, after or at the same moment, leaves one row and no error. Should storing
     * it in its chat fail, SENT is written alone (the message has left: that must not be lost) and the echo or the
     * next sync brings the message into its chat.
     *
     * @return the entry's state afterwards (SENT, or what an ack that came early moved it to)
     */
    private OutboxEntryState sentIntoChat(OutboxStore.Row row, String waMessageId, boolean cold, Instant sentAt, int ack) {
        try {
            OutboxEntryState after = tx.execute(t -> {
                store.markSent(row.id(), OutboxEntryState.SENDING, waMessageId, cold, sentAt, sentAt);
                InboundStore.SentMessage stored = inboundStore.storeSent(waMessageId, row.recipientWaId(), row.body(),
                        sentAt, MessageStatus.fromAck(Math.max(ack, 1)), clock.instant());
                if (stored.received() != null) {
                    events.publishEvent(stored.received());
                }
                if (stored.ack() != null) {
                    events.publishEvent(stored.ack());
                }
                return caughtUp(row, stored.status());
            });
            return after == null ? OutboxEntryState.SENT : after;
        } catch (RuntimeException e) {
            log.warn("Outbox entry {} was sent but could not be stored in its chat yet: {}", row.id(), e.getMessage());
            tx.executeWithoutResult(t -> store.markSent(row.id(), OutboxEntryState.SENDING, waMessageId, cold, sentAt, sentAt));
            return OutboxEntryState.SENT;
        }
    }

    /**
     * A message found in its chat after an interruption joins it like any message WhatsApp reports (it may be
     * older than the live window: then it is stored as history, as a sync would), then the acks that came early.
     *
     * @return the entry's state afterwards (SENT, or what an ack that came early moved it to)
     */
    private OutboxEntryState storeFoundInChat(OutboxStore.Row row, String waMessageId, Instant sentAt, int ack) {
        List<WaMessage> message = List.of(new WaMessage(waMessageId, row.recipientWaId(), null, true, row.body(),
                "chat", sentAt, Math.max(ack, 1)));
        try {
            inbound.messagesReceived(message);
            OutboxEntryState after = tx.execute(t -> {
                String status = directory.messageStatus(waMessageId);
                return caughtUp(row, status == null ? null : MessageStatus.valueOf(status));
            });
            return after == null ? OutboxEntryState.SENT : after;
        } catch (RuntimeException e) {
            log.warn("Outbox entry {} was sent but could not be stored in its chat yet: {}", row.id(), e.getMessage());
            return OutboxEntryState.SENT;
        }
    }

    /**
     * Acks that arrived while the entry was still SENDING were stored on its message: the entry catches up with
     * {@code status}, the message's (null = not stored). Runs inside the caller's transaction.
     */
    private OutboxEntryState caughtUp(OutboxStore.Row row, MessageStatus status) {
        if (status == null) {
            return OutboxEntryState.SENT;
        }
        int stored = status.ordinal() - 1; // FAILED=-1 … PLAYED=4
        if (OutboxEntryState.SENT.afterAck(stored) == OutboxEntryState.SENT) {
            // pending or sent: moves nothing (no ack ever moves an entry back), so the entry is not read
            return OutboxEntryState.SENT;
        }
        OutboxStore.Row sent = store.find(row.id()).orElse(null);
        if (sent == null) {
            return OutboxEntryState.SENT;
        }
        OutboxEntryState next = sent.state().afterAck(stored);
        if (next != sent.state() && store.ackState(sent.id(), sent.state(), next, clock.instant())) {
            return next;
        }
        return sent.state();
    }

    /** Settles one UNCERTAIN entry from the chat's recent messages, or leaves it for later. */
    void reconcile(OutboxStore.Row row) {
        WhatsAppSession wa = whatsapp.getIfAvailable();
        if (wa == null) {
            return;
        }
        Instant attempt = row.attemptStartedAt() != null ? row.attemptStartedAt() : row.updatedAt();
        int count = Math.max(1, properties.reconcileMessages());
        for (int round = 0; round < FETCH_ROUNDS; round++) {
            List<WaMessage> recent;
            try {
                recent = wa.recentMessages(row.recipientWaId(), count);
            } catch (WhatsAppGateway.GatewayUnavailable | RuntimeException e) {
                log.info("Cannot check outbox entry {} against its chat yet: {}", row.id(), e.getMessage());
                return;
            }
            List<Reconciliation.ChatMessage> messages = recent.stream().filter(m -> m.waMessageId() != null && m.sentAt() != null)
                    .map(m -> new Reconciliation.ChatMessage(m.waMessageId(), m.fromMe(), m.body(), m.sentAt())).toList();
            List<String> claimed = tx.execute(t -> store.claimedMessageIds(row.recipientWaId()));
            Reconciliation.Result result = Reconciliation.reconcile(row.textFingerprint(), attempt, messages,
                    recent.size() >= count, claimed);
            switch (result.outcome()) {
                case SENT -> {
                    WaMessage found = recent.stream().filter(m -> result.waMessageId().equals(m.waMessageId())).findFirst().orElseThrow();
                    boolean cold = tx.execute(t -> directory.lastInboundAt(row.recipientWaId())) == null;
                    tx.executeWithoutResult(t -> store.markSent(row.id(), OutboxEntryState.UNCERTAIN, found.waMessageId(),
                            cold, found.sentAt(), clock.instant()));
                    OutboxEntryState now = storeFoundInChat(row, found.waMessageId(), found.sentAt(), found.ack());
                    recentSends = null; // a send this loop did not make: read the history again
                    // the interruption was counted as a failed send, and the message had left after all: taken back,
                    // so a send that worked does not help pause sending
                    state.failureStreak(Math.max(0, state.failureStreak() - 1));
                    log.info("Outbox entry {} had left before the interruption: found in its chat", row.id());
                    published(row, now, null, true);
                    return;
                }
                case REQUEUE -> {
                    tx.executeWithoutResult(t -> store.move(row.id(), OutboxEntryState.UNCERTAIN, OutboxEntryState.QUEUED,
                            null, "not found in its chat after an interruption: queued again", clock.instant()));
                    log.info("Outbox entry {} never left: queued again", row.id());
                    published(row, OutboxEntryState.QUEUED, null, true);
                    return;
                }
                case FETCH_MORE -> count *= FETCH_GROWTH;
            }
        }
    }

    /**
     * Tells the rest of the app that the loop just moved {@code row} to {@code newState} with {@code newReason}
     * (built from what was written, not read back).
     *
     * @param campaignCounts whether the campaign's counts or shown reason may have changed (its view is re-read)
     */
    private void published(OutboxStore.Row row, OutboxEntryState newState, GovernorReason newReason, boolean campaignCounts) {
        events.publishEvent(OutboxService.changed(row.id(), row.campaignId(), row.contactId(), newState, newReason));
        if (campaignCounts && row.campaignId() != null) {
            campaigns.progressed(row.campaignId());
        }
    }

    private static String bounded(String s) {
        if (s == null) {
            return "WhatsApp did not confirm the send";
        }
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
