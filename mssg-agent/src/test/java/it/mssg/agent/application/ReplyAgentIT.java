package it.mssg.agent.application;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSuggestions;
import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.api.MessageTest;
import it.mssg.agent.api.MessageTestView;
import it.mssg.agent.api.NeedsHumanList;
import it.mssg.agent.api.SuggestionView;
import it.mssg.agent.spi.AgentReplySender.AutoReply;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static it.mssg.agent.api.ReasonCode.*;
import static it.mssg.agent.api.ReplyOutcome.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent end to end inside Spring: core's event in, decision, counters, suggestions, outbox, needs-a-human. */
class ReplyAgentIT extends AgentITSupport {

    @Autowired AgentSuggestions suggestions;
    @Autowired NeedsHumanList needsHuman;
    @Autowired it.mssg.agent.SwitchableLicence licence;

    @BeforeEach
    void shop() {
        setUpShop();
        outbox.refuse = false;
        licence.allowed = true;
    }

    private ChatView autoContact(String name) {
        ChatView chat = core.contactWithChat(name, false, List.of());
        rules.setContactMode(chat.contactId(), AgentMode.AUTO);
        return chat;
    }

    private List<AutoReply> sentTo(ChatView chat) {
        return outbox.queued.stream().filter(r -> r.chatId() == chat.id()).toList();
    }

    @Test
    void autoModeAnswersOpeningHoursThroughTheOutbox() throws Exception {
        ChatView chat = autoContact("Anna Rossi");
        long before = count(SENT, MATCHED);

        long messageId = core.receive(chat, "what time do you open?", Instant.now(), true);
        drain();

        assertThat(sentTo(chat)).singleElement().satisfies(r -> {
            assertThat(r.knowledgeEntryId()).isEqualTo(hours.id());
            assertThat(r.contactId()).isEqualTo(chat.contactId());
            assertThat(r.inReplyTo()).isEqualTo(messageId);
            assertThat(r.text()).isEqualTo("Hi Anna, we are open Monday to Saturday, 9:00 to 18:00.");
        });
        assertThat(count(SENT, MATCHED)).isEqualTo(before + 1);
    }

    @Test
    void withoutALicenceAutoOffersTheAnswerAsASuggestionAndSendsNothing() throws Exception {
        licence.allowed = false;
        ChatView chat = autoContact("Licia Verdi");
        long before = count(SUGGESTED, AUTO_NOT_LICENSED);

        long messageId = core.receive(chat, "what time do you open?", Instant.now(), true);
        drain();

        assertThat(sentTo(chat)).isEmpty();
        assertThat(count(SUGGESTED, AUTO_NOT_LICENSED)).isEqualTo(before + 1);
        assertThat(suggestions.forChat(chat.id())).first().satisfies(s -> {
            assertThat(s.entryId()).isEqualTo(hours.id());
            assertThat(s.messageId()).isEqualTo(messageId);
        });
    }

    @Test
    void offTopicChatterGetsSilence() throws Exception {
        ChatView chat = autoContact("Bruno");
        long before = count(SILENCE, BELOW_THRESHOLD);

        core.receive(chat, "ok thanks", Instant.now(), true);
        core.receive(chat, "hello", Instant.now(), true);
        drain();

        assertThat(sentTo(chat)).isEmpty();
        assertThat(count(SILENCE, BELOW_THRESHOLD)).isEqualTo(before + 2);
    }

    @Test
    void blockedTopicGetsSilenceAndNeedsAHuman() throws Exception {
        ChatView chat = autoContact("Carla");
        long before = count(SILENCE, BLOCKED_TOPIC);

        core.receive(chat, "I want a refund, I'll call my lawyer", Instant.now(), true);
        drain();

        assertThat(sentTo(chat)).isEmpty();
        assertThat(count(SILENCE, BLOCKED_TOPIC)).isEqualTo(before + 1);
        assertThat(needsHuman.list()).anySatisfy(n -> {
            assertThat(n.chatId()).isEqualTo(chat.id());
            assertThat(n.reason()).isEqualTo(BLOCKED_TOPIC);
        });
        assertThat(outbox.decided).anySatisfy(e -> {
            assertThat(e.chatId()).isEqualTo(chat.id());
            assertThat(e.outcome()).isEqualTo(SILENCE);
            assertThat(e.needsHuman()).isTrue();
        });

        needsHuman.clear(chat.id());
        assertThat(needsHuman.list()).noneMatch(n -> n.chatId() == chat.id());
    }

    @Test
    void suggestModeOffersApprovedAnswersAndSendsNothing() throws Exception {
        ChatView chat = core.contactWithChat("Dario Neri", false, List.of()); // default mode is SUGGEST
        long before = count(SUGGESTED, MATCHED);

        long messageId = core.receive(chat, "how much do you charge for a haircut", Instant.now(), true);
        drain();

        assertThat(sentTo(chat)).isEmpty();
        assertThat(count(SUGGESTED, MATCHED)).isEqualTo(before + 1);
        List<SuggestionView> offered = suggestions.forChat(chat.id());
        assertThat(offered).hasSizeBetween(1, 3);
        assertThat(offered.get(0).entryId()).isEqualTo(prices.id());
        assertThat(offered.get(0).messageId()).isEqualTo(messageId);
        assertThat(offered.get(0).source()).isEqualTo(SuggestionView.Source.APPROVED_ANSWER);
        assertThat(offered.get(0).text()).startsWith("A haircut is 25 euros");

        core.sendByHand(chat, "25 euros, see you!");
        drain();
        assertThat(suggestions.forChat(chat.id())).as("a manual reply clears the suggestions").isEmpty();
    }

    @Test
    void groupsOptedOutContactsAndOffTagsAreSkipped() throws Exception {
        long groups = count(SKIPPED, GROUP_CHAT), optedOut = count(SKIPPED, OPTED_OUT), off = count(SKIPPED, MODE_OFF);
        rules.setTagMode(77, AgentMode.OFF);
        ChatView group = core.group("Family");
        ChatView leaver = core.contactWithChat("Elio", true, List.of());
        ChatView tagged = core.contactWithChat("Fabio", false, List.of(77L));

        core.receive(group, "what time do you open?", Instant.now(), true);
        core.receive(leaver, "what time do you open?", Instant.now(), true);
        core.receive(tagged, "what time do you open?", Instant.now(), true);
        drain();

        assertThat(count(SKIPPED, GROUP_CHAT)).isEqualTo(groups + 1);
        assertThat(count(SKIPPED, OPTED_OUT)).isEqualTo(optedOut + 1);
        assertThat(count(SKIPPED, MODE_OFF)).isEqualTo(off + 1);
        assertThat(outbox.queued).noneMatch(r -> r.chatId() == group.id() || r.chatId() == leaver.id() || r.chatId() == tagged.id());
        assertThat(rules.tagModes()).containsEntry(77L, AgentMode.OFF);
        rules.setTagMode(77, null);
        assertThat(rules.tagModes()).doesNotContainKey(77L);
    }

    @Test
    void aManualReplyPausesTheAgentButItsOwnEchoDoesNot() throws Exception {
        ChatView chat = autoContact("Gina");
        long takeovers = count(SUPPRESSED, HUMAN_TAKEOVER);
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10));

        core.receive(chat, "what time do you open?", t0, true);
        drain();
        core.sendByHand(chat, "(the agent's answer coming back from WhatsApp)");
        core.receive(chat, "how much is a haircut?", t0.plus(Duration.ofMinutes(5)), true);
        drain();
        assertThat(sentTo(chat)).hasSize(2);
        core.sendByHand(chat, "(the second answer coming back)");

        core.sendByHand(chat, "hi Gina, it's Marco here");
        core.receive(chat, "and do you deliver?", Instant.now(), true);
        drain();

        assertThat(sentTo(chat)).hasSize(2);
        assertThat(count(SUPPRESSED, HUMAN_TAKEOVER)).isEqualTo(takeovers + 1);
        // the human who took over is offered the answer the agent held back
        assertThat(suggestions.forChat(chat.id())).first().satisfies(s -> {
            assertThat(s.entryId()).isEqualTo(delivery.id());
            assertThat(s.source()).isEqualTo(SuggestionView.Source.APPROVED_ANSWER);
        });
        suggestions.dismiss(chat.id());
        assertThat(suggestions.forChat(chat.id())).isEmpty();
    }

    @Test
    void oneAnswerPerBurst() throws Exception {
        ChatView chat = autoContact("Hugo");
        long debounced = count(SUPPRESSED, BURST_DEBOUNCE);

        core.receive(chat, "what time do you open?", Instant.now(), true);
        core.receive(chat, "how much is a haircut?", Instant.now(), true);
        drain();

        assertThat(sentTo(chat)).hasSize(1);
        assertThat(count(SUPPRESSED, BURST_DEBOUNCE)).isEqualTo(debounced + 1);
    }

    @Test
    void dailyLimitPerContact() throws Exception {
        ChatView chat = autoContact("Ida");
        long limited = count(SUPPRESSED, DAILY_REPLY_LIMIT);
        Instant now = Instant.now();

        for (int minutesAgo : new int[]{12, 8, 4, 0}) { // four bursts, 4 minutes apart (the gap is 2)
            core.receive(chat, "what time do you open?", now.minus(Duration.ofMinutes(minutesAgo)), true);
        }
        drain();

        assertThat(sentTo(chat)).hasSize(3);
        assertThat(count(SUPPRESSED, DAILY_REPLY_LIMIT)).isEqualTo(limited + 1);
    }

    @Test
    void backlogAfterAReconnectIsNotAnswered() throws Exception {
        ChatView chat = autoContact("Luca");
        long stale = count(SKIPPED, STALE_BACKLOG);

        core.receive(chat, "what time do you open?", Instant.now().minus(Duration.ofHours(2)), true);
        drain();

        assertThat(sentTo(chat)).isEmpty();
        assertThat(count(SKIPPED, STALE_BACKLOG)).isEqualTo(stale + 1);
        assertThat(suggestions.forChat(chat.id())).isEmpty();
    }

    @Test
    void aHistorySyncIsNeitherAnsweredNorCounted() throws Exception {
        ChatView chat = autoContact("Lia");
        long total = health.daily(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1)).stream().mapToLong(c -> c.count()).sum();

        core.receive(chat, "what time do you open?", Instant.now(), false);
        drain();

        assertThat(sentTo(chat)).isEmpty();
        assertThat(health.daily(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1)).stream().mapToLong(c -> c.count()).sum())
                .isEqualTo(total);
    }

    @Test
    void anOutboxRefusalIsCountedAsSuppressed() throws Exception {
        ChatView chat = autoContact("Mara");
        long refused = count(SUPPRESSED, SEND_REFUSED);
        outbox.refuse = true;

        core.receive(chat, "what time do you open?", Instant.now(), true);
        drain();

        assertThat(sentTo(chat)).isEmpty();
        assertThat(count(SUPPRESSED, SEND_REFUSED)).isEqualTo(refused + 1);
    }

    @Test
    void theTestBoxShowsScoresAndTheDecision() {
        MessageTestView open = knowledge.test(new MessageTest("what time do you open?", null));
        assertThat(open.outcome()).isEqualTo(SENT);
        assertThat(open.chosenEntryId()).isEqualTo(hours.id());
        assertThat(open.top().get(0).title()).isEqualTo("Opening hours");
        assertThat(open.top().get(0).score()).isGreaterThanOrEqualTo(0.80);
        assertThat(open.answerPreview()).isEqualTo("Hi there, we are open Monday to Saturday, 9:00 to 18:00.");
        assertThat(open.explanation()).startsWith("Would send");

        MessageTestView thanks = knowledge.test(new MessageTest("ok thanks", AgentMode.SUGGEST));
        assertThat(thanks.outcome()).isEqualTo(SILENCE);
        assertThat(thanks.reason()).isEqualTo(BELOW_THRESHOLD);
        assertThat(thanks.answerPreview()).isNull();

        MessageTestView italian = knowledge.test(new MessageTest("mi mandi il LISTINO?", AgentMode.SUGGEST));
        assertThat(italian.outcome()).isEqualTo(SUGGESTED);
        assertThat(italian.top().get(0).keywordHit()).isTrue();
        assertThat(italian.chosenEntryId()).isEqualTo(prices.id());

        assertThatThrownBy(() -> knowledge.test(new MessageTest(" ", null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void editingAnEntryReindexesIt() {
        KnowledgeEntryView pets = knowledge.create(new KnowledgeEntryEdit("Pets", "Dogs are welcome!", "en", true,
                List.of("Can I bring my dog?", "Are pets allowed?"), List.of()));
        assertThat(knowledge.test(new MessageTest("may I come with my dog", null)).chosenEntryId()).isEqualTo(pets.id());

        knowledge.update(pets.id(), new KnowledgeEntryEdit("Pets", "Dogs are welcome!", "en", false,
                pets.questions(), List.of()));
        assertThat(knowledge.test(new MessageTest("may I come with my dog", null)).top())
                .noneMatch(s -> s.entryId() == pets.id());

        knowledge.delete(pets.id());
        assertThatThrownBy(() -> knowledge.get(pets.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> knowledge.delete(pets.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new KnowledgeEntryEdit(" ", "x", "en", true, List.of("q"), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("title");
    }

    @Test
    void statusTellsWhatIsConnected() {
        knowledge.test(new MessageTest("what time do you open?", null)); // loads the model if nothing has yet
        var status = health.status();
        assertThat(status.embeddingProvider()).isEqualTo("BUILTIN");
        assertThat(status.modelReady()).isTrue();
        assertThat(status.indexedEntries()).isGreaterThanOrEqualTo(3);
        assertThat(status.indexedQuestions()).isGreaterThanOrEqualTo(12);
        assertThat(status.outboxConnected()).isTrue();
        assertThat(status.draftingEnabled()).isFalse();
    }

    @Test
    void settingsArePersisted() {
        assertThat(rules.settings().zoneId()).isEqualTo("UTC");
        assertThat(rules.settings().blockedTopics()).containsExactly("refund", "lawyer", "complaint");
        assertThat(rules.settings().windowOpens()).isEqualTo(java.time.LocalTime.MIDNIGHT);
    }
}
