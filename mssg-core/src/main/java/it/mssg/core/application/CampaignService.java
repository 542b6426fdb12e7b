package it.mssg.core.application;

import it.mssg.core.api.CampaignDraft;
import it.mssg.core.api.CampaignDryRunView;
import it.mssg.core.api.CampaignNeedsLicence;
import it.mssg.core.api.CampaignProgressChanged;
import it.mssg.core.api.CampaignState;
import it.mssg.core.api.CampaignView;
import it.mssg.core.api.Campaigns;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.domain.sending.CampaignPlan;
import it.mssg.core.domain.sending.GovernorSettings;
import it.mssg.core.domain.sending.IdempotencyKey;
import it.mssg.core.domain.sending.MessagePurpose;
import it.mssg.core.domain.sending.MessageTemplate;
import it.mssg.core.domain.sending.OutboxEntryState;
import it.mssg.core.domain.sending.SendGovernor;
import it.mssg.core.domain.sending.TagExpression;
import it.mssg.core.domain.sending.TemplateValues;
import it.mssg.core.domain.sending.TextFingerprint;
import it.mssg.core.store.CampaignStore;
import it.mssg.core.store.OutboxStore;
import it.mssg.core.spi.CampaignLicence;
import it.mssg.core.store.SendingDirectory;
import it.mssg.core.store.TagStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Campaigns over the outbox: starting one plans it ({@link CampaignPlan}) and enqueues one entry per recipient
 * under a key made of the campaign and the recipient, so starting again (a double click, a crash half-way through
 * enqueuing) adds nobody twice. The send loop sends a campaign's entries only while it is RUNNING.
 */
@Service
class CampaignService implements Campaigns {

    private final CampaignStore campaigns;
    private final OutboxStore outbox;
    private final SendingDirectory directory;
    private final OutboxService outboxService;
    private final GovernorSettingsService governorSettings;
    private final SendState sendState;
    private final SendSignal signal;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final CoreClock clock;
    private final OutboxProperties properties;
    private final ObjectProvider<CampaignLicence> licence;
    private final TagStore tags;
    private final SendGovernor governor = new SendGovernor(new Random());

    CampaignService(CampaignStore campaigns, OutboxStore outbox, SendingDirectory directory, OutboxService outboxService,
                    GovernorSettingsService governorSettings, SendState sendState, SendSignal signal,
                    ApplicationEventPublisher events, TransactionTemplate tx, CoreClock clock, OutboxProperties properties,
                    ObjectProvider<CampaignLicence> licence, TagStore tags) {
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.directory = directory;
        this.outboxService = outboxService;
        this.governorSettings = governorSettings;
        this.sendState = sendState;
        this.signal = signal;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.licence = licence;
        this.tags = tags;
    }

    /**
     * Refuses an audience that names a tag no contact can have: a misspelt or deleted tag in an exclusion ("-competitor")
     * would otherwise quietly reach the very people it was meant to leave out, and in an inclusion select nobody.
     */
    private void requireKnownTags(String tagExpression, boolean stored) {
        TagExpression e = stored ? TagExpression.readStored(tagExpression) : TagExpression.parse(tagExpression);
        java.util.Set<String> known = new java.util.HashSet<>();
        tags.choices().forEach(c -> known.add(c.name().strip().toLowerCase(java.util.Locale.ROOT)));
        List<String> missing = e.tagsNamed().stream().filter(t -> !known.contains(t)).toList();
        if (missing.isEmpty()) return;
        String names = String.join("”, “", missing);
        throw new InvalidInputException("tagExpression", stored
                ? "the audience names “" + names + "”, which " + (missing.size() == 1 ? "is no tag" : "are no tags")
                        + " any more (deleted or renamed since): change the audience before sending"
                : "no tag is named “" + names + "”: check the spelling on the Tags screen, and quote a name with"
                        + " spaces (\"new customer\")");
    }

    @Override
    public List<CampaignView> list() {
        return tx.execute(t -> campaigns.all().stream().map(this::view).toList());
    }

    @Override
    public CampaignView get(long id) {
        return tx.execute(t -> view(row(id)));
    }

    private CampaignStore.Row row(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    @Override
    public CampaignView create(CampaignDraft draft) {
        InvalidInputException.require(draft != null, null, "the campaign is missing");
        requireKnownTags(draft.tagExpression(), false);
        return tx.execute(t -> view(row(campaigns.insert(draft.name(), draft.tagExpression(), draft.template(), clock.instant()))));
    }

    @Override
    public CampaignView update(long id, CampaignDraft draft) {
        InvalidInputException.require(draft != null, null, "the campaign is missing");
        requireKnownTags(draft.tagExpression(), false);
        return tx.execute(t -> {
            CampaignStore.Row row = row(id);
            if (!campaigns.updateDraft(id, draft.name(), draft.tagExpression(), draft.template(), clock.instant())) {
                throw new ConflictException("state", "only a draft campaign can be changed (it is " + row.state() + ")");
            }
            return view(row(id));
        });
    }

    @Override
    public void delete(long id) {
        tx.executeWithoutResult(t -> {
            CampaignStore.Row row = row(id);
            if (CampaignState.RUNNING.name().equals(row.state())) {
                throw new ConflictException("state", "pause or cancel the campaign before deleting it");
            }
            outbox.deleteUnsentOfCampaign(id);
            campaigns.delete(id);
        });
    }

    /** The plan and, per recipient key, the contact it was made from. */
    private record Planned(CampaignPlan plan, Map<String, SendingDirectory.Recipient> contacts) {
    }

    private Planned plan(CampaignStore.Row row) {
        Map<String, SendingDirectory.Recipient> byKey = new LinkedHashMap<>();
        List<CampaignPlan.Candidate> candidates = new ArrayList<>();
        for (SendingDirectory.Recipient r : directory.allContacts()) {
            String key = r.recipientWaId();
            if (key == null) {
                continue; // no WhatsApp id and no number: nothing to send to
            }
            byKey.putIfAbsent(key, r);
            candidates.add(new CampaignPlan.Candidate(key, r.tags(), r.optedOut(), r.lastInboundAt() == null, values(r)));
        }
        CampaignPlan plan = CampaignPlan.plan(TagExpression.readStored(row.tagExpression()),
                MessageTemplate.parse(row.templateBody()), candidates);
        return new Planned(plan, byKey);
    }

    static TemplateValues values(SendingDirectory.Recipient r) {
        String name = r.displayName() != null ? r.displayName() : r.pushName();
        String firstName = name == null ? null : name.strip().split("\\s+")[0];
        return new TemplateValues(firstName, name, r.phoneE164(), r.fields());
    }

    @Override
    public CampaignDryRunView dryRun(long id) {
        return tx.execute(t -> {
            CampaignStore.Row row = row(id);
            requireKnownTags(row.tagExpression(), true);
            Planned planned = plan(row);
            List<CampaignDryRunView.Recipient> recipients = new ArrayList<>();
            for (CampaignPlan.PlannedRecipient p : planned.plan().recipients()) {
                SendingDirectory.Recipient contact = planned.contacts().get(p.recipientKey());
                recipients.add(new CampaignDryRunView.Recipient(contact.contactId(), contact.name(), p.recipientKey(),
                        p.text(), p.skip() == null ? null : p.skip().name(), p.detail(), p.cold()));
            }
            CampaignPlan plan = planned.plan();
            Instant eta = plan.sendsNothing() ? null
                    : eta(plan.toSend() - plan.toSendCold(), plan.toSendCold());
            return new CampaignDryRunView(id, recipients, plan.toSend(), plan.toSendCold(), plan.skipped(), eta);
        });
    }

    private Instant eta(long known, long cold) {
        Instant now = clock.instant();
        GovernorSettings settings = governorSettings.current();
        try {
            return governor.estimateFinish((int) known, (int) cold, outboxService.history(now, settings), settings, now,
                    properties.zone());
        } catch (IllegalArgumentException e) {
            return null; // e.g. cold recipients with a cold budget of 0: they never send, there is no finish
        }
    }

    @Override
    public CampaignView start(long id) {
        CampaignView view;
        try {
            view = startLocked(id);
        } catch (PessimisticLockingFailureException e) {
            // H2 waits a second for the lock: another start of this campaign is still queueing its recipients
            throw new ConflictException("state", "this campaign is being started right now; look again in a moment");
        }
        signal.changed();
        publish(view);
        return view;
    }

    private CampaignView startLocked(long id) {
        return tx.execute(t -> {
            // the row stays locked until this commits: a second start at the same moment waits, then finds it running
            CampaignStore.Row row = campaigns.findForUpdate(id).orElseThrow(() -> new NotFoundException("campaign", id));
            CampaignState state = CampaignState.valueOf(row.state());
            if (state == CampaignState.RUNNING || state == CampaignState.PAUSED) {
                return view(row); // started already: starting twice adds nobody
            }
            if (state != CampaignState.DRAFT) {
                throw new ConflictException("state", "a " + state + " campaign cannot start again; copy it as a new one");
            }
            requireKnownTags(row.tagExpression(), true);
            Planned planned = plan(row);
            if (planned.plan().sendsNothing()) {
                throw new InvalidInputException("tagExpression", planned.plan().recipients().isEmpty()
                        ? "the tag expression selects nobody: nothing to send"
                        : "every selected contact is skipped (see the dry run): nothing to send");
            }
            CampaignLicence l = licence.getIfAvailable();
            if (l != null && !l.allowsCampaignTo(planned.plan().toSend())) {
                throw new CampaignNeedsLicence(planned.plan().toSend());
            }
            Instant now = clock.instant();
            for (CampaignPlan.PlannedRecipient p : planned.plan().recipients()) {
                if (!p.sends()) {
                    continue;
                }
                IdempotencyKey key = IdempotencyKey.of(IdempotencyKey.Source.CAMPAIGN, "campaign-" + id, p.recipientKey(), "1");
                if (outbox.findByKey(key).isEmpty()) {
                    outbox.insert(new OutboxStore.NewEntry(key, IdempotencyKey.Source.CAMPAIGN, MessagePurpose.CAMPAIGN,
                            planned.contacts().get(p.recipientKey()).contactId(), p.recipientKey(), p.text(),
                            TextFingerprint.of(p.text()), id, null, p.cold()), now);
                }
            }
            campaigns.started(id, planned.plan().skipped(), now);
            return view(row(id));
        });
    }

    @Override
    public CampaignView pause(long id) {
        return move(id, List.of(CampaignState.RUNNING), CampaignState.PAUSED, "paused by you");
    }

    @Override
    public CampaignView resume(long id) {
        return move(id, List.of(CampaignState.PAUSED), CampaignState.RUNNING, null);
    }

    @Override
    public CampaignView cancel(long id) {
        CampaignView view = tx.execute(t -> {
            CampaignStore.Row row = row(id);
            if (!campaigns.move(id, List.of("DRAFT", "RUNNING", "PAUSED"), CampaignState.CANCELLED.name(),
                    "cancelled by you", clock.instant())) {
                throw new ConflictException("state", "a " + row.state() + " campaign cannot be cancelled");
            }
            outbox.cancelUnsent(id, clock.instant());
            return view(row(id));
        });
        signal.changed();
        publish(view);
        return view;
    }

    private CampaignView move(long id, List<CampaignState> from, CampaignState to, String reason) {
        CampaignView view = tx.execute(t -> {
            CampaignStore.Row row = row(id);
            if (CampaignState.valueOf(row.state()) == to) {
                return view(row);
            }
            if (!campaigns.move(id, from.stream().map(Enum::name).toList(), to.name(), reason, clock.instant())) {
                throw new ConflictException("state", "a " + row.state() + " campaign cannot be " + to.name().toLowerCase());
            }
            return view(row(id));
        });
        signal.changed();
        publish(view);
        return view;
    }

    @Override
    public PageView<OutboxEntryView> recipients(long id, Paging paging) {
        Paging p = paging == null ? Paging.first(Paging.DEFAULT_SIZE) : paging;
        return tx.execute(t -> {
            row(id);
            return PageView.of(outbox.page(null, id, true, p.offset(), p.size()).stream().map(OutboxService::view).toList(),
                    p, outbox.count(null, id));
        });
    }

    /** One of the campaign's entries changed: finish it when nothing is left, and tell the progress bar. */
    void progressed(long id) {
        CampaignView view = tx.execute(t -> {
            CampaignStore.Row row = campaigns.find(id).orElse(null);
            if (row == null) {
                return null;
            }
            CampaignView v = view(row);
            if (v.state() == CampaignState.RUNNING && v.pending() == 0) {
                campaigns.move(id, List.of("RUNNING"), CampaignState.FINISHED.name(), null, clock.instant());
                v = view(row(id));
            }
            return v;
        });
        if (view != null) {
            publish(view);
        }
    }

    private void publish(CampaignView view) {
        events.publishEvent(new CampaignProgressChanged(view.id(), view.state(), view.total(), view.sent(), view.pending(),
                view.eta()));
    }

    private CampaignView view(CampaignStore.Row row) {
        Map<OutboxEntryState, Long> counts = outbox.countsByState(row.id());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long sent = n(counts, OutboxEntryState.SENT) + n(counts, OutboxEntryState.DELIVERED) + n(counts, OutboxEntryState.READ);
        long pending = n(counts, OutboxEntryState.QUEUED) + n(counts, OutboxEntryState.SENDING)
                + n(counts, OutboxEntryState.UNCERTAIN);
        CampaignState state = CampaignState.valueOf(row.state());
        String reason = row.stateReason();
        Instant eta = null;
        if (state == CampaignState.RUNNING && pending > 0) {
            if (sendState.pausedBy() != null) {
                reason = sendState.pausedBy().description();
            }
            long[] split = outbox.pendingOfCampaign(row.id());
            eta = eta(split[0], split[1]);
        }
        return new CampaignView(row.id(), row.name(), row.tagExpression(), row.templateBody(), state, reason, total, sent,
                pending, n(counts, OutboxEntryState.FAILED), n(counts, OutboxEntryState.BLOCKED),
                n(counts, OutboxEntryState.CANCELLED), row.skipped(), eta, row.createdAt(), row.startedAt(),
                row.finishedAt());
    }

    private static long n(Map<OutboxEntryState, Long> counts, OutboxEntryState state) {
        return counts.getOrDefault(state, 0L);
    }
}
