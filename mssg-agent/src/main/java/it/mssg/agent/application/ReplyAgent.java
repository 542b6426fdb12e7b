package it.mssg.agent.application;

import it.mssg.agent.api.AgentDecided;
import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;
import it.mssg.agent.api.SuggestionView;
import it.mssg.agent.domain.AgentSettings;
import it.mssg.agent.domain.AnswerTemplate;
import it.mssg.agent.domain.BurstTracker;
import it.mssg.agent.domain.ContactState;
import it.mssg.agent.domain.KnowledgeMatch;
import it.mssg.agent.domain.MessageFacts;
import it.mssg.agent.domain.ReplyDecision;
import it.mssg.agent.domain.ReplyPolicy;
import it.mssg.agent.matching.DraftWriter;
import it.mssg.agent.matching.KnowledgeIndex;
import it.mssg.agent.spi.AgentReplySender;
import it.mssg.agent.spi.AutoModeLicence;
import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageReceived;
import it.mssg.core.api.MessageView;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Listens to core's {@link MessageReceived}, decides on the agent's worker thread, and acts on the decision:
 * counts it, suggests, hands an approved answer to the outbox, or flags the chat for a human. Logs carry ids
 * and enums only, never a message's text.
 */
@Service
class ReplyAgent {

    private static final Logger log = LoggerFactory.getLogger(ReplyAgent.class);
    /** Newest messages read to find the one an event names (it was stored just before the event). */
    static final int LOOKBACK = 50;

    private final ChatQueries chats;
    private final ContactQueries contacts;
    private final KnowledgeIndex index;
    private final KnowledgeBaseService knowledge;
    private final AgentRulesService rules;
    private final AgentStateStore state;
    private final HealthCounter counter;
    private final SuggestionBook suggestions;
    private final ObjectProvider<AgentReplySender> sender;
    private final ObjectProvider<DraftWriter> drafter;
    private final ObjectProvider<AutoModeLicence> licence;
    private final AgentWorker worker;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReplyAgent(ChatQueries chats, ContactQueries contacts, KnowledgeIndex index, KnowledgeBaseService knowledge,
               AgentRulesService rules, AgentStateStore state, HealthCounter counter, SuggestionBook suggestions,
               ObjectProvider<AgentReplySender> sender, ObjectProvider<DraftWriter> drafter,
               ObjectProvider<AutoModeLicence> licence, AgentWorker worker,
               ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.chats = chats;
        this.contacts = contacts;
        this.index = index;
        this.knowledge = knowledge;
        this.rules = rules;
        this.state = state;
        this.counter = counter;
        this.suggestions = suggestions;
        this.sender = sender;
        this.drafter = drafter;
        this.licence = licence;
        this.worker = worker;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC); // a Clock bean, if the application defines exactly one
    }

    /** After core's transaction commits (or at once without one), and never on the publisher's thread. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(MessageReceived event) {
        worker.submit("message " + event.messageId(), () -> handle(event));
    }

    void handle(MessageReceived event) {
        Instant now = clock.instant();
        // a history sync replays old messages: nothing to answer and no decision to count
        if (!event.live()) return;
        if (event.direction() == MessageDirection.OUTBOUND) {
            ChatMemory before = state.chat(event.chatId());
            state.saveChat(before.outbound(now));
            if (before.pendingEchoes() == 0) suggestions.dismiss(event.chatId()); // the human has answered
            return;
        }
        ChatView chat = chats.get(event.chatId());
        Optional<MessageView> found = chats.messages(event.chatId(), Paging.first(LOOKBACK)).items().stream()
                .filter(m -> m.id() == event.messageId()).findFirst();
        if (found.isEmpty()) {
            log.warn("agent: message {} not among the newest {} of chat {}; not decided", event.messageId(), LOOKBACK, event.chatId());
            return;
        }
        MessageView message = found.get();
        AgentSettings settings = rules.current();
        ZoneId zone = settings.responseWindow().zone();
        Instant sentAt = message.sentAt() == null ? now : message.sentAt();
        MessageFacts facts = new MessageFacts(chat.group(), true, event.live(), sentAt, message.body());

        ContactView contact = chat.group() ? null : contact(event.contactId() != null ? event.contactId() : chat.contactId());
        ChatMemory memory = state.chat(chat.id());
        Instant burstStart = BurstTracker.burstStart(memory.burstStartedAt(), memory.lastInboundAt(), sentAt, settings.burstGap());
        ChatMemory next = memory.inbound(sentAt, burstStart);
        ContactState contactState = contactState(contact, memory, burstStart, now, zone);

        boolean worthMatching = !chat.group() && contact != null && !contact.optedOut() && !facts.text().isBlank()
                && contactState.effectiveMode(settings.defaultMode()) != AgentMode.OFF;
        List<KnowledgeMatch> matches = List.of();
        boolean matchingFailed = false;
        if (worthMatching) {
            try {
                matches = index.match(facts.text(), KnowledgeBaseService.TOP);
            } catch (RuntimeException e) {
                matchingFailed = true;
                log.warn("agent: matching failed for chat {}: {}", chat.id(), e.getClass().getSimpleName());
            }
        }
        ReplyDecision decision = ReplyPolicy.decide(facts, matches, contactState, settings, now);
        if (matchingFailed && decision.reason() == ReasonCode.NO_KNOWLEDGE) {
            // every gate passed and only the scores are missing: say why the agent stayed silent
            decision = new ReplyDecision(ReplyOutcome.SILENCE, ReasonCode.MATCHING_FAILED, false, null, 0, 0);
        }
        if (decision.chosenEntryId() != null && !fullyRendered(decision.chosenEntryId(), contact)) {
            // neither sent nor offered half-filled ("Hi , …"): a variable without a value, or a template saved
            // before templates were checked; the chat waits for a human instead
            decision = decision.silencedBecause(ReasonCode.ANSWER_UNUSABLE);
        }

        if (decision.outcome() == ReplyOutcome.SENT && !autoModeLicensed()) {
            // without a licence AUTO is SUGGEST: the same answer, offered to the human instead of sent
            decision = new ReplyDecision(ReplyOutcome.SUGGESTED, ReasonCode.AUTO_NOT_LICENSED, decision.thresholdMet(),
                    decision.chosenEntryId(), decision.topScore(), decision.margin());
        }
        if (decision.outcome() == ReplyOutcome.SENT) {
            decision = send(decision, chat, contact, message, now);
            if (decision.outcome() == ReplyOutcome.SENT) {
                state.recordReply(chat.id(), contact.id(), decision.chosenEntryId(), now);
                next = next.agentReplied(now);
            }
        }
        switch (decision.outcome()) {
            case SUPPRESSED -> {
                // AUTO held its answer back (a human is active, off hours, a limit): offer it to the human instead,
                // exactly as SUGGEST mode would
                ContactState asSuggest = new ContactState(true, false, AgentMode.SUGGEST, List.of(),
                        contactState.lastManualReplyAt(), contactState.answeredBurstAt(), contactState.agentRepliesToday(),
                        contactState.burstStartedAt());
                ReplyDecision wouldSuggest = ReplyPolicy.decide(facts, matches, asSuggest, settings, now);
                if (wouldSuggest.outcome() == ReplyOutcome.SUGGESTED) {
                    suggestions.put(chat.id(), suggest(wouldSuggest, matches, settings, chat, contact, message, now));
                }
            }
            case SUGGESTED -> suggestions.put(chat.id(), withDraft(suggest(decision, matches, settings, chat, contact, message, now),
                    facts, matches, contact, chat, message, now));
            case SILENCE -> {
                if (decision.reason() == ReasonCode.BELOW_THRESHOLD || decision.reason() == ReasonCode.AMBIGUOUS) {
                    suggestions.put(chat.id(), withDraft(List.of(), facts, matches, contact, chat, message, now));
                }
            }
            default -> {
            }
        }
        if (decision.needsHuman()) state.flagNeedsHuman(chat.id(), decision.reason(), now);
        state.saveChat(next);
        counter.increment(LocalDate.ofInstant(now, zone), decision.outcome(), decision.reason(), decision.thresholdMet());
        events.publishEvent(new AgentDecided(chat.id(), message.id(), decision.outcome(), decision.reason(), decision.needsHuman()));
        if (decision.outcome() == ReplyOutcome.SKIPPED) { // groups and switched-off chats would flood the log
            log.debug("agent: chat {} message {} → {} {}", chat.id(), message.id(), decision.outcome(), decision.reason());
        } else {
            log.info("agent: chat {} message {} → {} {} (threshold met: {})", chat.id(), message.id(), decision.outcome(),
                    decision.reason(), decision.thresholdMet());
        }
    }

    private boolean autoModeLicensed() {
        AutoModeLicence l = licence.getIfAvailable();
        return l == null || l.autoModeAllowed();
    }

    private ContactView contact(Long contactId) {
        if (contactId == null) return null;
        try {
            return contacts.get(contactId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private ContactState contactState(ContactView contact, ChatMemory memory, Instant burstStart, Instant now, ZoneId zone) {
        if (contact == null) return new ContactState(false, false, null, List.of(), null, null, 0, burstStart);
        Map<Long, AgentMode> tagModes = rules.tagModes();
        List<AgentMode> modesOfTags = contact.tags().stream().map(t -> tagModes.get(t.id())).filter(Objects::nonNull).toList();
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        return new ContactState(true, contact.optedOut(), rules.contactModes().get(contact.id()), modesOfTags,
                memory.lastManualReplyAt(), memory.answeredBurstAt(), state.repliesSince(contact.id(), midnight), burstStart);
    }

    /** True unless the entry exists and its answer cannot be filled in completely for {@code contact}. */
    private boolean fullyRendered(long entryId, ContactView contact) {
        return knowledge.entry(entryId)
                .map(e -> AnswerTemplate.render(e.answerTemplate(), AnswerVariables.of(contact)).ok())
                .orElse(true); // a deleted entry: the sending step says so (NO_KNOWLEDGE)
    }

    /** Hands the approved answer to the outbox; without one, or when it refuses, the answer is suppressed. */
    private ReplyDecision send(ReplyDecision decision, ChatView chat, ContactView contact, MessageView message, Instant now) {
        AgentReplySender outbox = sender.getIfAvailable();
        if (outbox == null) return decision.suppressedBecause(ReasonCode.NO_SENDER);
        Optional<KnowledgeEntryView> entry = knowledge.entry(decision.chosenEntryId());
        if (entry.isEmpty()) return decision.suppressedBecause(ReasonCode.NO_KNOWLEDGE);
        AnswerTemplate.Rendered answer = AnswerTemplate.render(entry.get().answerTemplate(), AnswerVariables.of(contact));
        if (!answer.ok()) return decision.suppressedBecause(ReasonCode.ANSWER_UNUSABLE); // edited since the decision
        AgentReplySender.Result result = outbox.queue(new AgentReplySender.AutoReply(chat.id(), contact.id(), message.id(),
                entry.get().id(), answer.text()));
        return result == AgentReplySender.Result.QUEUED ? decision : decision.suppressedBecause(ReasonCode.SEND_REFUSED);
    }

    /**
     * Adds a language model's draft after the approved answers, when drafting is configured. Drafts are only ever
     * suggestions: nothing here reaches the outbox.
     */
    private List<SuggestionView> withDraft(List<SuggestionView> approved, MessageFacts facts, List<KnowledgeMatch> matches,
                                           ContactView contact, ChatView chat, MessageView message, Instant now) {
        DraftWriter writer = drafter.getIfAvailable();
        if (writer == null || approved.size() >= SuggestionBook.MAX_PER_CHAT) return approved;
        Map<String, String> variables = AnswerVariables.of(contact);
        List<String> context = matches.stream().limit(KnowledgeBaseService.TOP)
                .flatMap(m -> knowledge.entry(m.entryId()).stream())
                .map(e -> AnswerTemplate.render(e.answerTemplate(), variables))
                .filter(AnswerTemplate.Rendered::ok).map(AnswerTemplate.Rendered::text).toList();
        List<SuggestionView> all = new ArrayList<>(approved);
        Drafts.suggestion(writer, facts.text(), context, chat.id(), message.id(), now).ifPresent(all::add);
        return all;
    }

    /** The chosen answer first, then other entries that also reached the threshold: 1 to 3 approved answers. */
    private List<SuggestionView> suggest(ReplyDecision decision, List<KnowledgeMatch> matches, AgentSettings settings,
                                         ChatView chat, ContactView contact, MessageView message, Instant now) {
        Map<String, String> variables = AnswerVariables.of(contact);
        List<SuggestionView> result = new ArrayList<>();
        for (KnowledgeMatch m : matches) {
            if (m.entryId() != decision.chosenEntryId() && m.score() < settings.threshold()) continue;
            Optional<KnowledgeEntryView> entry = knowledge.entry(m.entryId()).filter(KnowledgeEntryView::enabled);
            if (entry.isEmpty()) continue;
            AnswerTemplate.Rendered answer = AnswerTemplate.render(entry.get().answerTemplate(), variables);
            if (!answer.ok()) continue; // offered with one click: only answers that are whole
            result.add(new SuggestionView(chat.id(), message.id(), SuggestionView.Source.APPROVED_ANSWER, entry.get().id(),
                    answer.text(), m.score(), now));
        }
        return result;
    }
}
