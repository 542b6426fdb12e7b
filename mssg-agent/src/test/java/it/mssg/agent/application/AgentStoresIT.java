package it.mssg.agent.application;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSettingsView;
import it.mssg.agent.api.HealthCountView;
import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.api.NeedsHumanView;
import it.mssg.testsupport.TransactionRace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static it.mssg.agent.api.ReasonCode.BELOW_THRESHOLD;
import static it.mssg.agent.api.ReasonCode.BLOCKED_TOPIC;
import static it.mssg.agent.api.ReasonCode.MATCHED;
import static it.mssg.agent.api.ReplyOutcome.SENT;
import static it.mssg.agent.api.ReplyOutcome.SILENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The agent's stores against the real database (H2 file, or PostgreSQL with {@code -Dmssg.test.db=postgresql}): what
 * each port reads back is what it wrote, and the rows are the ones the migration defines. The ids used here (9xx_xxx,
 * the year 2001) are none the other tests of this shared context use; knowledge entries are deleted afterwards.
 */
class AgentStoresIT extends AgentITSupport {

    /** Microseconds: what both databases keep of an instant. */
    static final Instant T0 = Instant.parse("2026-11-30T08:15:30.123456Z");

    @Autowired AgentStateStore state;
    @Autowired KnowledgeStore entries;
    @Autowired HealthCounter counters;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    final List<Long> created = new ArrayList<>();

    @AfterEach
    void deleteEntries() {
        created.forEach(entries::delete);
    }

    private KnowledgeEntryView create(String title, List<String> questions, List<String> keywords, Instant now) {
        KnowledgeEntryView entry = entries.create(new KnowledgeEntryEdit(title, "Answer to " + title, "it", true, questions,
                keywords), now);
        created.add(entry.id());
        return entry;
    }

    private List<String> rows(String sql, long entryId) {
        return jdbc.sql(sql).param(entryId).query((row, n) -> row.getInt(1) + ":" + row.getString(2)).list();
    }

    @Test
    void aKnowledgeEntryKeepsItsQuestionsAndKeywordsInOrder() {
        KnowledgeEntryView entry = create("Store test", List.of("third", "first", "second"), List.of("kb", "ka"), T0);

        assertThat(entry.id()).isPositive();
        assertThat(entry.questions()).containsExactly("third", "first", "second");
        assertThat(entry.updatedAt()).isEqualTo(T0);
        assertThat(entries.find(entry.id())).contains(entry);
        assertThat(rows("SELECT sort_order, question FROM agent_knowledge_question WHERE entry_id = ? ORDER BY sort_order",
                entry.id())).containsExactly("0:third", "1:first", "2:second");
        assertThat(rows("SELECT sort_order, keyword FROM agent_knowledge_keyword WHERE entry_id = ? ORDER BY sort_order",
                entry.id())).containsExactly("0:kb", "1:ka");
        assertThat(rows("SELECT version, language FROM agent_knowledge_entry WHERE id = ?", entry.id())).containsExactly("0:it");

        Instant later = T0.plusSeconds(60);
        KnowledgeEntryView edited = entries.update(entry.id(), new KnowledgeEntryEdit("Store test edited", "New answer", "en",
                false, List.of("only"), List.of()), later).orElseThrow();

        assertThat(edited).isEqualTo(new KnowledgeEntryView(entry.id(), "Store test edited", "New answer", "en", false,
                List.of("only"), List.of(), later));
        assertThat(entries.find(entry.id())).contains(edited);
        assertThat(rows("SELECT sort_order, question FROM agent_knowledge_question WHERE entry_id = ?", entry.id()))
                .containsExactly("0:only");
        assertThat(rows("SELECT sort_order, keyword FROM agent_knowledge_keyword WHERE entry_id = ?", entry.id())).isEmpty();
        assertThat(rows("SELECT version, language FROM agent_knowledge_entry WHERE id = ?", entry.id())).containsExactly("1:en");
        assertThat(jdbc.sql("SELECT created_at FROM agent_knowledge_entry WHERE id = ?").param(entry.id())
                .query((row, n) -> row.getObject(1, java.time.OffsetDateTime.class).toInstant()).single()).isEqualTo(T0);

        assertThat(entries.delete(entry.id())).isTrue();
        assertThat(entries.find(entry.id())).isEmpty();
        assertThat(rows("SELECT sort_order, question FROM agent_knowledge_question WHERE entry_id = ?", entry.id())).isEmpty();
        assertThat(entries.delete(entry.id())).isFalse();
        assertThat(entries.update(entry.id(), new KnowledgeEntryEdit("Gone", "x", "en", true, List.of("q"), List.of()), later))
                .isEmpty();
    }

    @Test
    void allEntriesComeByTitleThenId() {
        KnowledgeEntryView b1 = create("Store test b", List.of("b one"), List.of(), T0);
        KnowledgeEntryView a = create("Store test a", List.of(), List.of("a keyword"), T0);
        KnowledgeEntryView b2 = create("Store test b", List.of("b two", "b three"), List.of("k"), T0);

        List<KnowledgeEntryView> mine = entries.findAll().stream().filter(e -> created.contains(e.id())).toList();

        assertThat(mine).containsExactly(a, b1, b2);
        assertThat(b2.id()).isGreaterThan(b1.id());
    }

    /** Two edits of one entry at once: the second, which read the entry before the first committed, fails. */
    @Test
    void anEditOfAnEntryChangedMeanwhileFails() throws Exception {
        KnowledgeEntryView entry = create("Store test race", List.of("before"), List.of(), T0);
        KnowledgeEntryEdit first = new KnowledgeEntryEdit("Store test race", "first", "en", true, List.of("first"), List.of());
        KnowledgeEntryEdit second = new KnowledgeEntryEdit("Store test race", "second", "en", true, List.of("second"), List.of());
        Throwable secondFailure = TransactionRace.secondFailure(new TransactionTemplate(transactions),
                () -> entries.update(entry.id(), first, T0.plusSeconds(1)),
                () -> entries.update(entry.id(), second, T0.plusSeconds(2)));

        assertThat(secondFailure).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(entries.find(entry.id()).orElseThrow().questions()).containsExactly("first");
        assertThat(rows("SELECT version, answer_template FROM agent_knowledge_entry WHERE id = ?", entry.id()))
                .containsExactly("1:first");
    }

    @Test
    void settingsAreOneRowThatAnUpdateOverwrites() {
        setUpShop();
        AgentSettingsView shop = state.settings().orElseThrow();
        AgentSettingsView other = new AgentSettingsView(0.9, 0.1, AgentMode.AUTO, 45, LocalTime.of(7, 30),
                LocalTime.of(21, 5), "Europe/Rome", 7, 60, 30, List.of());
        try {
            state.saveSettings(other);

            assertThat(state.settings()).contains(other);
            assertThat(jdbc.sql("SELECT id, window_opens, blocked_topics FROM agent_settings")
                    .query((row, n) -> row.getInt(1) + " " + row.getString(2) + " [" + row.getString(3) + "]").list())
                    .containsExactly("1 07:30 []");
        } finally {
            state.saveSettings(shop);
        }
        assertThat(state.settings()).contains(shop);
    }

    @Test
    void aModeIsSetChangedInPlaceAndRemoved() {
        state.setMode(ModeScope.CONTACT, 900_001, AgentMode.AUTO);
        state.setMode(ModeScope.TAG, 900_001, AgentMode.OFF);
        long rowId = jdbc.sql("SELECT id FROM agent_mode_rule WHERE scope = 'CONTACT' AND target_id = 900001")
                .query(Long.class).single();

        state.setMode(ModeScope.CONTACT, 900_001, AgentMode.SUGGEST);

        assertThat(state.modes(ModeScope.CONTACT)).containsEntry(900_001L, AgentMode.SUGGEST);
        assertThat(state.modes(ModeScope.TAG)).containsEntry(900_001L, AgentMode.OFF);
        assertThat(jdbc.sql("SELECT id, mode FROM agent_mode_rule WHERE scope = 'CONTACT' AND target_id = 900001")
                .query((row, n) -> row.getLong(1) + " " + row.getString(2)).list()).containsExactly(rowId + " SUGGEST");

        state.setMode(ModeScope.CONTACT, 900_001, null);
        state.setMode(ModeScope.CONTACT, 900_001, null);
        state.setMode(ModeScope.TAG, 900_001, null);

        assertThat(state.modes(ModeScope.CONTACT)).doesNotContainKey(900_001L);
        assertThat(state.modes(ModeScope.TAG)).doesNotContainKey(900_001L);
    }

    @Test
    void aChatsMemoryIsReadBackAsSaved() {
        assertThat(state.chat(900_002)).isEqualTo(ChatMemory.empty(900_002));

        ChatMemory first = new ChatMemory(900_002, T0, T0.minusSeconds(30), null, null, null, 0);
        state.saveChat(first);
        assertThat(state.chat(900_002)).isEqualTo(first);

        ChatMemory second = new ChatMemory(900_002, T0.plusSeconds(5), T0, T0, T0.plusSeconds(6), T0.plusSeconds(7), 2);
        state.saveChat(second);
        assertThat(state.chat(900_002)).isEqualTo(second);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agent_chat_state WHERE chat_id = 900002").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void repliesAreCountedFromTheGivenTimeOn() {
        state.recordReply(900_003, 900_004, 1, T0);
        state.recordReply(900_003, 900_004, 1, T0.plusSeconds(10));
        state.recordReply(900_005, 900_004, 2, T0.plusSeconds(20));
        state.recordReply(900_003, 900_006, 1, T0.plusSeconds(30));

        assertThat(state.repliesSince(900_004, T0)).isEqualTo(3);
        assertThat(state.repliesSince(900_004, T0.plusSeconds(10))).isEqualTo(2);
        assertThat(state.repliesSince(900_004, T0.plusSeconds(11))).isEqualTo(1);
        assertThat(state.repliesSince(900_006, T0.plusSeconds(31))).isZero();
        assertThat(jdbc.sql("SELECT id FROM agent_reply WHERE contact_id = 900004 ORDER BY replied_at").query(Long.class).list())
                .as("identity ids, in the order of the inserts").isSorted().doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void needsHumanIsNewestFirstAndAFlagRefreshesIt() {
        state.flagNeedsHuman(900_007, BLOCKED_TOPIC, T0);
        state.flagNeedsHuman(900_008, BELOW_THRESHOLD, T0.plusSeconds(1));
        state.flagNeedsHuman(900_007, BELOW_THRESHOLD, T0.plusSeconds(2));

        assertThat(mine(state.needsHuman())).containsExactly(new NeedsHumanView(900_007, BELOW_THRESHOLD, T0.plusSeconds(2)),
                new NeedsHumanView(900_008, BELOW_THRESHOLD, T0.plusSeconds(1)));

        state.clearNeedsHuman(900_007);
        state.clearNeedsHuman(900_007);
        assertThat(mine(state.needsHuman())).containsExactly(new NeedsHumanView(900_008, BELOW_THRESHOLD, T0.plusSeconds(1)));
        state.clearNeedsHuman(900_008);
        assertThat(mine(state.needsHuman())).isEmpty();
    }

    private static List<NeedsHumanView> mine(List<NeedsHumanView> all) {
        return all.stream().filter(n -> n.chatId() == 900_007 || n.chatId() == 900_008).toList();
    }

    @Test
    void healthCountsAddUpPerDayAndKeyAlsoWhenCountedAtOnce() throws Exception {
        LocalDate day1 = LocalDate.of(2001, 1, 1), day2 = day1.plusDays(1);
        counters.increment(day2, SENT, MATCHED, true);
        counters.increment(day1, SILENCE, BLOCKED_TOPIC, false);
        counters.increment(day1, SILENCE, BLOCKED_TOPIC, false);
        counters.increment(day1, SILENCE, BLOCKED_TOPIC, true);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) counters.increment(day2, SENT, MATCHED, true);
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }

        List<HealthCountView> counts = counters.between(day1, day2);
        assertThat(counts).hasSize(3);
        assertThat(counts.subList(0, 2)).containsExactlyInAnyOrder(new HealthCountView(day1, SILENCE, BLOCKED_TOPIC, false, 2),
                new HealthCountView(day1, SILENCE, BLOCKED_TOPIC, true, 1));
        assertThat(counts.get(2)).isEqualTo(new HealthCountView(day2, SENT, MATCHED, true, 101));
        assertThat(counters.between(day1, day1)).hasSize(2);
        assertThat(counters.between(day2.plusDays(1), day2.plusDays(9))).isEmpty();
    }
}
