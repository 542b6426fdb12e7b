package it.mssg.core.application;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryChanged;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.OutboxStatusView;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.SendBudgetView;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import it.mssg.core.domain.sending.GovernorReason;
import it.mssg.core.domain.sending.GovernorSettings;
import it.mssg.core.domain.sending.IdempotencyKey;
import it.mssg.core.domain.sending.OutboxEntryState;
import it.mssg.core.domain.sending.SendBudget;
import it.mssg.core.domain.sending.SendGovernor;
import it.mssg.core.domain.sending.TextFingerprint;
import it.mssg.core.store.OutboxStore;
import it.mssg.core.store.SendingDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes messages to the outbox and answers what it holds. Sending itself is the {@link SendLoop}'s job; this
 * service only ever inserts QUEUED entries and makes the user's moves (cancel, retry, resume).
 */
@Service
class OutboxService implements SendMessages, OutboxQueries, OutboxCommands {

    /** Further ahead is a typo (year 9999), not a plan; the entry would sit in the queue forever. */
    static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(366);

    /** How long ago a scheduled time may be and still be taken as "now". */
    static final Duration SCHEDULE_GRACE = Duration.ofMinutes(5);

    private final OutboxStore store;
    private final SendingDirectory directory;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final CoreClock clock;
    private final SendSignal signal;
    private final SendState state;
    private final GovernorSettingsService governorSettings;
    private final OutboxProperties properties;
    private final SendGovernor governor = new SendGovernor(new Random());

    OutboxService(OutboxStore store, SendingDirectory directory, TransactionTemplate tx, ApplicationEventPublisher events,
                  CoreClock clock, SendSignal signal, SendState state, GovernorSettingsService governorSettings,
                  OutboxProperties properties) {
        this.store = store;
        this.directory = directory;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.signal = signal;
        this.state = state;
        this.governorSettings = governorSettings;
        this.properties = properties;
    }

    // ---- SendMessages

    @Override
    public OutboxEntryView send(SendCommand command) {
        InvalidInputException.require(command != null, null, "the message is missing");
        InvalidInputException.require(command.notBefore() == null
                        || !command.notBefore().isAfter(clock.instant().plus(MAX_SCHEDULE_AHEAD)), "sendAt",
                "a message can be scheduled at most a year ahead");
        // a time long gone is a mistake in the caller's clock or arithmetic, not a wish to send now; a few minutes late
        // is a script that ran a little after the hour it computed
        InvalidInputException.require(command.notBefore() == null
                        || !command.notBefore().isBefore(clock.instant().minus(SCHEDULE_GRACE)), "sendAt",
                "that time has passed (" + command.notBefore() + "): leave sendAt out to send as soon as the rules allow");
        // drawn once: the entry is addressed again after a lost race, and must come out with the same key
        String logicalId = command.clientKey() != null ? command.clientKey() : UUID.randomUUID().toString();
        return view(enqueue(() -> entry(command, logicalId)));
    }

    /** The entry {@code command} asks for, its recipient read from the contact or the chat; runs in the caller's transaction. */
    private Addressed entry(SendCommand command, String logicalId) {
        Long contactId = command.contactId();
        String recipient;
        String recipientName = null;
        if (contactId != null) {
            SendingDirectory.Recipient r = directory.recipient(command.contactId())
                    .orElseThrow(() -> new NotFoundException("contact", command.contactId()));
            recipient = r.recipientWaId();
            InvalidInputException.require(recipient != null, "contactId",
                    "this contact has neither a WhatsApp id nor a phone number to send to");
            recipientName = r.name();
        } else {
            SendingDirectory.ChatTarget chat = directory.chat(command.chatId())
                    .orElseThrow(() -> new NotFoundException("chat", command.chatId()));
            recipient = chat.waId();
            contactId = chat.contactId();
        }
        IdempotencyKey key = IdempotencyKey.of(command.source(), command.source().name().toLowerCase(), recipient, logicalId);
        return new Addressed(new OutboxStore.NewEntry(key, command.source(), command.purpose(), contactId, recipient,
                command.text(), TextFingerprint.of(command.text()), null, command.notBefore(), false), recipientName);
    }

    /** A new entry and its recipient's shown name when the contact was read for it (null: read it with the row). */
    private record Addressed(OutboxStore.NewEntry entry, String recipientName) {
    }

    /**
     * Inserts the entry {@code addressed} gives, or finds the one already stored under its key, in one transaction
     * with the recipient's look-up. @return the stored row
     */
    private OutboxStore.Row enqueue(Supplier<Addressed> addressed) {
        Enqueued result;
        try {
            // one transaction: the recipient, the key's look-up, the insert; the row is built from what was written
            // when the recipient's name is known (a contact), else read back with it
            result = tx.execute(t -> {
                Addressed a = addressed.get();
                OutboxStore.Row existing = store.findByKey(a.entry().key()).orElse(null);
                if (existing != null) {
                    return new Enqueued(sameMessage(existing, a.entry()), false);
                }
                Instant now = clock.instant();
                OutboxStore.Row row = a.recipientName() != null ? store.insertKnown(a.entry(), a.recipientName(), now)
                        : store.find(store.insert(a.entry(), now)).orElseThrow();
                return new Enqueued(row, true);
            });
        } catch (DuplicateKeyException raced) {
            // another caller inserted the same key between the look-up and the insert: a new transaction reads it
            return tx.execute(t -> {
                Addressed a = addressed.get();
                return sameMessage(store.findByKey(a.entry().key()).orElseThrow(), a.entry());
            });
        }
        if (!result.created()) {
            return result.row();
        }
        OutboxStore.Row created = result.row();
        events.publishEvent(changed(created));
        signal.changed();
        return created;
    }

    private record Enqueued(OutboxStore.Row row, boolean created) {
    }

    /**
     * A repeated key is a retry of the same message and gets the stored entry back. The same key with another text
     * is refused: answering with the old entry would tell the caller its new text was queued when it was not.
     */
    private static OutboxStore.Row sameMessage(OutboxStore.Row stored, OutboxStore.NewEntry asked) {
        if (!stored.body().equals(asked.body())) {
            throw new ConflictException("idempotencyKey", "this key was already used for another message (outbox entry "
                    + stored.id() + "); a new message needs a new key");
        }
        return stored;
    }

    static OutboxEntryChanged changed(OutboxStore.Row row) {
        return changed(row.id(), row.campaignId(), row.contactId(), row.state(), row.reason());
    }

    static OutboxEntryChanged changed(long id, Long campaignId, Long contactId, OutboxEntryState state, GovernorReason reason) {
        return new OutboxEntryChanged(id, campaignId, contactId, OutboxState.valueOf(state.name()),
                reason == null ? null : reason.name());
    }

    // ---- OutboxQueries

    @Override
    public PageView<OutboxEntryView> list(OutboxState filter, Long campaignId, Paging paging) {
        Paging p = paging == null ? Paging.first(Paging.DEFAULT_SIZE) : paging;
        OutboxEntryState state = filter == null ? null : OutboxEntryState.valueOf(filter.name());
        return tx.execute(t -> PageView.of(store.page(state, campaignId, false, p.offset(), p.size()).stream()
                .map(OutboxService::view).toList(), p, store.count(state, campaignId)));
    }

    @Override
    public OutboxEntryView get(long id) {
        return tx.execute(t -> store.find(id).map(OutboxService::view).orElseThrow(() -> new NotFoundException("outbox entry", id)));
    }

    @Override
    public List<OutboxEntryView> recentForContact(long contactId) {
        return tx.execute(t -> store.recentForContact(contactId, 50).stream().map(OutboxService::view).toList());
    }

    @Override
    public OutboxStatusView status() {
        Instant now = clock.instant();
        Instant dayStart = now.atZone(properties.zone()).toLocalDate().atStartOfDay(properties.zone()).toInstant();
        return tx.execute(t -> {
            Map<OutboxEntryState, Long> counts = store.countsByState(null);
            GovernorReason paused = state.pausedBy();
            return new OutboxStatusView(paused == null ? null : paused.name(), paused == null ? null : paused.description(),
                    state.failureStreak(),
                    counts.getOrDefault(OutboxEntryState.QUEUED, 0L), counts.getOrDefault(OutboxEntryState.UNCERTAIN, 0L),
                    store.sentSince(dayStart));
        });
    }

    @Override
    public java.time.ZoneId timeZone() {
        return properties.zone();
    }

    @Override
    public SendBudgetView budget() {
        Instant now = clock.instant();
        GovernorSettings settings = governorSettings.current();
        SendBudget budget = tx.execute(t -> governor.budget(history(now, settings), settings, now, properties.zone()));
        return new SendBudgetView(budget.caps().stream().map(c -> new SendBudgetView.Cap(c.kind().name(), c.limit(),
                c.used(), c.left(), c.resetsAt())).toList(), budget.warmUpDay(), budget.warmUpStep() != null,
                budget.leftNow());
    }

    it.mssg.core.domain.sending.SendHistory history(Instant now, GovernorSettings settings) {
        return store.history(now.minus(settings.historyLookback())).failureStreak(state.failureStreak())
                .linkedAt(state.linkedAt()).build();
    }

    // ---- OutboxCommands

    @Override
    public OutboxEntryView cancel(long id) {
        return moveByUser(id, OutboxEntryState.CANCELLED, "this message has already left or is being sent");
    }

    @Override
    public OutboxEntryView retry(long id) {
        return moveByUser(id, OutboxEntryState.QUEUED, "only a failed or blocked message can be sent again");
    }

    private OutboxEntryView moveByUser(long id, OutboxEntryState target, String refusal) {
        OutboxStore.Row row = tx.execute(t -> {
            OutboxStore.Row r = store.find(id).orElseThrow(() -> new NotFoundException("outbox entry", id));
            if (!r.state().canMoveTo(target) || r.state() == OutboxEntryState.SENDING
                    || !store.move(id, r.state(), target, null, null, clock.instant())) {
                throw new ConflictException("state", refusal + " (it is " + r.state() + ")");
            }
            return store.find(id).orElseThrow();
        });
        events.publishEvent(changed(row));
        signal.changed();
        return view(row);
    }

    @Override
    public OutboxStatusView resume() {
        state.failureStreak(0);
        if (state.pausedBy() == GovernorReason.PAUSED_FAILURES) {
            state.pausedBy(null);
        }
        signal.changed();
        return status();
    }

    static OutboxEntryView view(OutboxStore.Row r) {
        return new OutboxEntryView(r.id(), OutboxState.valueOf(r.state().name()), r.reason() == null ? null : r.reason().name(),
                r.reason() == null ? null : r.reason().description(), r.detail(), r.purpose().name(), r.contactId(), r.recipientName(), r.recipientWaId(), r.body(), r.campaignId(),
                r.notBefore(), r.sentAt(), r.waMessageId(), r.createdAt(), r.updatedAt());
    }
}
