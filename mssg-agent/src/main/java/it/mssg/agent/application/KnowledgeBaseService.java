package it.mssg.agent.application;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.KnowledgeBase;
import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.api.MessageTest;
import it.mssg.agent.api.MessageTestView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.domain.AgentSettings;
import it.mssg.agent.domain.AnswerTemplate;
import it.mssg.agent.domain.ContactState;
import it.mssg.agent.domain.KnowledgeMatch;
import it.mssg.agent.domain.MessageFacts;
import it.mssg.agent.domain.ReplyDecision;
import it.mssg.agent.domain.ReplyPolicy;
import it.mssg.agent.domain.SharedQuestions;
import it.mssg.agent.matching.KnowledgeIndex;
import it.mssg.agent.matching.MatchableEntry;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The knowledge base's use cases; keeps the in-memory index in step with the stored entries. */
@Service
class KnowledgeBaseService implements KnowledgeBase {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KnowledgeBaseService.class);

    static final int TOP = 3;

    private final KnowledgeStore store;
    private final KnowledgeIndex index;
    private final AgentRulesService rules;
    private final AgentWorker worker;
    private final Clock clock;

    KnowledgeBaseService(KnowledgeStore store, KnowledgeIndex index, AgentRulesService rules, AgentWorker worker,
                         ObjectProvider<Clock> clock) {
        this.store = store;
        this.index = index;
        this.rules = rules;
        this.worker = worker;
        this.clock = clock.getIfUnique(Clock::systemUTC); // a Clock bean, if the application defines exactly one
    }

    /** Loads the model and embeds the knowledge base in the background once the application is up. */
    @EventListener(ApplicationReadyEvent.class)
    void indexOnStart() {
        worker.submit("index knowledge base", () -> {
            try {
                reindex();
            } catch (RuntimeException e) {
                // configuration trouble (a model file, an endpoint): the message names it and holds no chat data
                log.warn("agent: could not index the knowledge base: {}", e.getMessage());
            }
        });
    }

    void reindex() {
        index.replaceAll(store.findAll().stream().filter(KnowledgeEntryView::enabled).map(KnowledgeBaseService::matchable).toList());
    }

    @Override
    public List<KnowledgeEntryView> list() {
        return store.findAll();
    }

    @Override
    public KnowledgeEntryView get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("knowledge entry", id));
    }

    @Override
    public KnowledgeEntryView create(KnowledgeEntryEdit edit) {
        check(null, edit);
        KnowledgeEntryView created = store.create(edit, clock.instant());
        refresh(created);
        return created;
    }

    @Override
    public KnowledgeEntryView update(long id, KnowledgeEntryEdit edit) {
        check(id, edit);
        KnowledgeEntryView updated = store.update(id, edit, clock.instant())
                .orElseThrow(() -> new NotFoundException("knowledge entry", id));
        refresh(updated);
        return updated;
    }

    /**
     * What the record cannot check by itself: an answer the agent could never send whole, and an example question
     * that would tie with another entry's.
     */
    private void check(Long self, KnowledgeEntryEdit edit) {
        AnswerTemplate.problem(edit.answerTemplate()).ifPresent(problem -> {
            throw new InvalidInputException("answerTemplate", "the answer cannot be sent as written: " + problem);
        });
        SharedQuestions.first(self, edit.enabled(), edit.questions(), store.findAll()).ifPresent(clash -> {
            throw new ConflictException("questions", "the example question \u201c" + clash.question()
                    + "\u201d is already a question of the answer \u201c" + clash.other().title()
                    + "\u201d: a message matching it would fit both equally and get no answer; keep it in one of them");
        });
    }

    @Override
    public void delete(long id) {
        if (!store.delete(id)) throw new NotFoundException("knowledge entry", id);
        index.remove(id);
    }

    /** Embeds the entry's questions right away, so the next message and the test box see the change. */
    private void refresh(KnowledgeEntryView entry) {
        if (entry.enabled()) index.put(matchable(entry));
        else index.remove(entry.id());
    }

    @Override
    public MessageTestView test(MessageTest test) {
        Instant now = clock.instant();
        AgentSettings settings = rules.current();
        List<KnowledgeMatch> matches = index.match(test.text(), TOP);
        ContactState someone = new ContactState(true, false, test.mode(), List.of(), null, null, 0, now);
        ReplyDecision d = ReplyPolicy.decide(new MessageFacts(false, true, true, now, test.text()), matches, someone,
                settings, now);
        Map<Long, KnowledgeEntryView> entries = store.findAll().stream()
                .collect(Collectors.toMap(KnowledgeEntryView::id, Function.identity()));
        List<MessageTestView.EntryScoreView> top = matches.stream()
                .filter(m -> entries.containsKey(m.entryId()))
                .map(m -> new MessageTestView.EntryScoreView(m.entryId(), entries.get(m.entryId()).title(), m.score(), m.keywordHit()))
                .toList();
        String preview = null;
        String problem = null;
        if (d.chosenEntryId() != null) {
            KnowledgeEntryView chosen = entries.get(d.chosenEntryId());
            problem = AnswerTemplate.problem(chosen.answerTemplate())
                    .map(p -> "\u201c" + chosen.title() + "\u201d cannot be sent as written: " + p).orElse(null);
            // an answer saved before templates were checked: the agent would not send it, so neither does the test
            if (problem != null) d = d.silencedBecause(ReasonCode.ANSWER_UNUSABLE);
            else preview = AnswerTemplate.preview(chosen.answerTemplate());
        }
        return new MessageTestView(top, d.outcome(), d.reason(), d.thresholdMet(), settings.threshold(),
                settings.ambiguityMargin(), d.chosenEntryId(), preview, explain(d, settings, test.mode(), problem));
    }

    /** @param answerProblem what is wrong with the chosen answer, for ANSWER_UNUSABLE */
    static String explain(ReplyDecision d, AgentSettings s, AgentMode mode, String answerProblem) {
        String score = String.format(java.util.Locale.ROOT, "%.2f", d.topScore());
        return switch (d.reason()) {
            case MATCHED -> (mode == AgentMode.AUTO ? "Would send" : "Would suggest") + " this approved answer: best score "
                    + score + " reaches the threshold " + s.threshold() + " and leads the next entry by "
                    + String.format(java.util.Locale.ROOT, "%.2f", d.margin()) + ".";
            case BLOCKED_TOPIC -> "Would stay silent and put the chat on the \"needs a human\" list: the message touches a blocked topic.";
            case NO_KNOWLEDGE -> "Would stay silent: the knowledge base has no enabled entry.";
            case BELOW_THRESHOLD -> "Would stay silent: the best score " + score + " is below the threshold " + s.threshold() + ".";
            case AMBIGUOUS -> "Would stay silent: the two best entries are within " + s.ambiguityMargin() + " of each other.";
            case ANSWER_UNUSABLE -> "Would stay silent and put the chat on the \"needs a human\" list: the answer "
                    + answerProblem + ".";
            case MODE_OFF -> "The agent is off in this mode.";
            default -> "Would not answer: " + d.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".";
        };
    }

    static MatchableEntry matchable(KnowledgeEntryView e) {
        return new MatchableEntry(e.id(), e.questions(), e.keywords());
    }

    /** For the reply agent: the entry behind a decision. */
    Optional<KnowledgeEntryView> entry(long id) {
        return store.find(id);
    }
}
