package it.mssg.agent.application;

import it.mssg.agent.SwitchableLicence;
import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSuggestions;
import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.api.MessageTest;
import it.mssg.agent.api.MessageTestView;
import it.mssg.agent.api.NeedsHumanList;
import it.mssg.agent.spi.AgentReplySender.AutoReply;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static it.mssg.agent.api.ReasonCode.ANSWER_UNUSABLE;
import static it.mssg.agent.api.ReplyOutcome.SENT;
import static it.mssg.agent.api.ReplyOutcome.SILENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the knowledge base lets in (answer templates core's check accepts, no example question shared by two
 * enabled entries) and what the agent does with an answer it cannot fill in completely: nothing half-filled leaves.
 */
class KnowledgeChecksIT extends AgentITSupport {

    @Autowired KnowledgeStore store;
    @Autowired KnowledgeBaseService service;
    @Autowired NeedsHumanList needsHuman;
    @Autowired AgentSuggestions suggestions;
    @Autowired SwitchableLicence licence;

    /** Entries of these tests, deleted afterwards: the other tests of this shared context must not match them. */
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void shop() {
        setUpShop();
        outbox.refuse = false;
        licence.allowed = true;
    }

    @AfterEach
    void deleteEntries() {
        created.forEach(store::delete);
        created.clear();
        service.reindex();
    }

    private static KnowledgeEntryEdit edit(String title, String answer, boolean enabled, String... questions) {
        return new KnowledgeEntryEdit(title, answer, "en", enabled, List.of(questions), List.of());
    }

    private KnowledgeEntryView create(KnowledgeEntryEdit edit) {
        KnowledgeEntryView entry = knowledge.create(edit);
        created.add(entry.id());
        return entry;
    }

    /** An entry as one saved before answers were checked: straight into the store, then indexed. */
    private KnowledgeEntryView savedBeforeTheCheck(KnowledgeEntryEdit edit) {
        KnowledgeEntryView entry = store.create(edit, Instant.now());
        created.add(entry.id());
        service.reindex();
        return entry;
    }

    private ChatView contact(String name, AgentMode mode) {
        ChatView chat = core.contactWithChat(name, false, List.of());
        rules.setContactMode(chat.contactId(), mode);
        return chat;
    }

    private List<AutoReply> sentTo(ChatView chat) {
        return outbox.queued.stream().filter(r -> r.chatId() == chat.id()).toList();
    }

    @Test
    void anAnswerWithAMistakeIsRejectedSayingWhatAndWhere() {
        assertThatThrownBy(() -> create(edit("Greeting", "Hi {{nickname}} {unclosed", true, "hello")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("answerTemplate");
                    assertThat(e.getMessage()).contains("line 1, column 4: unknown variable {{nickname}}")
                            .contains("line 1, column 17: unclosed {");
                });
        assertThatThrownBy(() -> create(edit("Greeting", "Hi {{frist_name}}, how can we help?", true, "hello")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown variable {{frist_name}}: use first_name, name, phone or field.<key>");
        assertThatThrownBy(() -> create(edit("Greeting", "{Hi|Hello}, how can we help?", true, "hello")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1, column 1: an approved answer");
        assertThat(knowledge.list()).noneMatch(e -> e.title().equals("Greeting"));

        KnowledgeEntryView cards = create(edit("Gift cards", "Yes {{first_name|there}}, at the counter.", true,
                "Do you sell gift cards?"));
        assertThatThrownBy(() -> knowledge.update(cards.id(), edit("Gift cards", "Yes {{frist_name}}, at the counter.",
                true, "Do you sell gift cards?")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown variable {{frist_name}}");
        assertThat(knowledge.get(cards.id()).answerTemplate()).isEqualTo("Yes {{first_name|there}}, at the counter.");
    }

    @Test
    void aQuestionAnotherEntryHasIsRejectedNamingThatEntry() {
        KnowledgeEntryView cards = create(edit("Gift cards", "Yes, at the counter.", true,
                "Do you sell gift cards?", "How much is a gift card?"));

        assertThatThrownBy(() -> create(edit("Vouchers", "We take vouchers.", true,
                "Do you take vouchers?", "  do you SELL   gift cards? ")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("questions");
                    assertThat(e.getMessage()).contains("\u201cDo you sell gift cards?\u201d")
                            .contains("the answer \u201cGift cards\u201d");
                });
        assertThat(knowledge.list()).noneMatch(e -> e.title().equals("Vouchers"));

        // an edit of the entry that keeps its own questions is no clash
        KnowledgeEntryView edited = knowledge.update(cards.id(), edit("Gift cards", "Yes, at the counter, from 10 euros.",
                true, "Do you sell gift cards?", "How much is a gift card?"));
        assertThat(edited.answerTemplate()).isEqualTo("Yes, at the counter, from 10 euros.");

        // a disabled entry is not matched, so it cannot tie; enabling it is checked
        KnowledgeEntryView draft = create(edit("Vouchers", "We take vouchers.", false, "do you sell gift cards?"));
        assertThatThrownBy(() -> knowledge.update(draft.id(), edit("Vouchers", "We take vouchers.", true,
                "do you sell gift cards?")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Gift cards");

        MessageTestView test = knowledge.test(new MessageTest("do you sell gift cards?", AgentMode.AUTO));
        assertThat(test.outcome()).isEqualTo(SENT);
        assertThat(test.chosenEntryId()).isEqualTo(cards.id());
    }

    @Test
    void anAnswerSavedBeforeTheCheckIsNeitherSentNorOfferedButGoesToAHuman() throws Exception {
        savedBeforeTheCheck(edit("Greeting", "Hi {{nickname}} {unclosed", true, "hello"));
        ChatView auto = contact("Nora Blu", AgentMode.AUTO);
        ChatView suggest = contact("Otto Verdi", AgentMode.SUGGEST);
        long before = count(SILENCE, ANSWER_UNUSABLE);

        core.receive(auto, "hello", Instant.now(), true);
        core.receive(suggest, "hello", Instant.now(), true);
        drain();

        assertThat(sentTo(auto)).isEmpty();
        assertThat(suggestions.forChat(suggest.id())).isEmpty();
        assertThat(count(SILENCE, ANSWER_UNUSABLE)).isEqualTo(before + 2);
        assertThat(needsHuman.list()).anySatisfy(n -> {
            assertThat(n.chatId()).isEqualTo(auto.id());
            assertThat(n.reason()).isEqualTo(ANSWER_UNUSABLE);
        }).anySatisfy(n -> assertThat(n.chatId()).isEqualTo(suggest.id()));

        MessageTestView test = knowledge.test(new MessageTest("hello", AgentMode.AUTO));
        assertThat(test.outcome()).isEqualTo(SILENCE);
        assertThat(test.reason()).isEqualTo(ANSWER_UNUSABLE);
        assertThat(test.answerPreview()).isNull();
        assertThat(test.explanation()).contains("\u201cGreeting\u201d cannot be sent as written")
                .contains("unknown variable {{nickname}}").doesNotContain("Would send");
        needsHuman.clear(auto.id());
        needsHuman.clear(suggest.id());
    }

    @Test
    void aContactWithoutTheValueGetsAHumanRatherThanAHalfFilledAnswer() throws Exception {
        create(edit("Loyalty card", "Thanks {{first_name}}, your loyalty card is ready.", true, "Is my loyalty card ready?"));
        ChatView named = contact("Olga Rossi", AgentMode.AUTO);
        ChatView nameless = contact(null, AgentMode.AUTO);

        core.receive(named, "Is my loyalty card ready?", Instant.now(), true);
        core.receive(nameless, "Is my loyalty card ready?", Instant.now(), true);
        drain();

        assertThat(sentTo(named)).singleElement().extracting(AutoReply::text)
                .isEqualTo("Thanks Olga, your loyalty card is ready.");
        assertThat(sentTo(nameless)).isEmpty();
        assertThat(needsHuman.list()).anySatisfy(n -> {
            assertThat(n.chatId()).isEqualTo(nameless.id());
            assertThat(n.reason()).isEqualTo(ANSWER_UNUSABLE);
        });
        needsHuman.clear(nameless.id());

        // the test box has no contact: it shows where the first name goes
        MessageTestView test = knowledge.test(new MessageTest("Is my loyalty card ready?", AgentMode.AUTO));
        assertThat(test.outcome()).isEqualTo(SENT);
        assertThat(test.answerPreview()).isEqualTo("Thanks {{first_name}}, your loyalty card is ready.");
    }
}
