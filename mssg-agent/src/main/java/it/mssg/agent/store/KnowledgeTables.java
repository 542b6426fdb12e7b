package it.mssg.agent.store;

import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.application.KnowledgeStore;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static it.mssg.agent.store.Columns.instant;
import static it.mssg.agent.store.Columns.utc;

/**
 * The knowledge base in {@code agent_knowledge_entry} and its ordered example questions and keywords
 * ({@code agent_knowledge_question}, {@code agent_knowledge_keyword}, by {@code sort_order}). An edit replaces an
 * entry's questions and keywords and adds one to its version; it fails if another edit changed the entry meanwhile.
 */
@Component
@Transactional
class KnowledgeTables implements KnowledgeStore {

    private final JdbcClient jdbc;

    KnowledgeTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry's own columns, before its questions and keywords are read. */
    private record EntryRow(long id, String title, String answerTemplate, String language, boolean enabled, Instant updatedAt) {
        KnowledgeEntryView view(List<String> questions, List<String> keywords) {
            return new KnowledgeEntryView(id, title, answerTemplate, language, enabled, questions, keywords, updatedAt);
        }
    }

    private static EntryRow entry(ResultSet row, int rowNumber) throws SQLException {
        return new EntryRow(row.getLong("id"), row.getString("title"), row.getString("answer_template"),
                row.getString("language"), row.getBoolean("enabled"), instant(row, "updated_at"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<KnowledgeEntryView> findAll() {
        List<EntryRow> entries = jdbc.sql("SELECT id, title, answer_template, language, enabled, updated_at"
                + " FROM agent_knowledge_entry ORDER BY title, id").query(KnowledgeTables::entry).list();
        Map<Long, List<String>> questions = texts("SELECT entry_id, question FROM agent_knowledge_question ORDER BY entry_id, sort_order");
        Map<Long, List<String>> keywords = texts("SELECT entry_id, keyword FROM agent_knowledge_keyword ORDER BY entry_id, sort_order");
        return entries.stream().map(e -> e.view(questions.getOrDefault(e.id(), List.of()),
                keywords.getOrDefault(e.id(), List.of()))).toList();
    }

    /** Column 2 of each row, listed per entry id (column 1) in the rows' order. */
    private Map<Long, List<String>> texts(String select) {
        Map<Long, List<String>> byEntry = new HashMap<>();
        jdbc.sql(select).query(row -> {
            byEntry.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
        });
        return byEntry;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<KnowledgeEntryView> find(long id) {
        return jdbc.sql("SELECT id, title, answer_template, language, enabled, updated_at FROM agent_knowledge_entry"
                        + " WHERE id = ?").param(id).query(KnowledgeTables::entry).optional()
                .map(e -> e.view(
                        jdbc.sql("SELECT question FROM agent_knowledge_question WHERE entry_id = ? ORDER BY sort_order")
                                .param(id).query(String.class).list(),
                        jdbc.sql("SELECT keyword FROM agent_knowledge_keyword WHERE entry_id = ? ORDER BY sort_order")
                                .param(id).query(String.class).list()));
    }

    @Override
    public KnowledgeEntryView create(KnowledgeEntryEdit edit, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO agent_knowledge_entry (title, answer_template, language, enabled, created_at, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0)")
                .params(edit.title(), edit.answerTemplate(), edit.language(), edit.enabled(), utc(now), utc(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        insertTexts(id, edit);
        return view(id, edit, now);
    }

    @Override
    public Optional<KnowledgeEntryView> update(long id, KnowledgeEntryEdit edit, Instant now) {
        Optional<Long> version = jdbc.sql("SELECT version FROM agent_knowledge_entry WHERE id = ?").param(id)
                .query(Long.class).optional();
        if (version.isEmpty()) return Optional.empty();
        int updated = jdbc.sql("UPDATE agent_knowledge_entry SET title = ?, answer_template = ?, language = ?, enabled = ?,"
                        + " updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(edit.title(), edit.answerTemplate(), edit.language(), edit.enabled(), utc(now), id, version.get())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("knowledge entry " + id + " was changed or deleted meanwhile");
        }
        jdbc.sql("DELETE FROM agent_knowledge_question WHERE entry_id = ?").param(id).update();
        jdbc.sql("DELETE FROM agent_knowledge_keyword WHERE entry_id = ?").param(id).update();
        insertTexts(id, edit);
        return Optional.of(view(id, edit, now));
    }

    private void insertTexts(long id, KnowledgeEntryEdit edit) {
        for (int i = 0; i < edit.questions().size(); i++) {
            jdbc.sql("INSERT INTO agent_knowledge_question (entry_id, sort_order, question) VALUES (?, ?, ?)")
                    .params(id, i, edit.questions().get(i)).update();
        }
        for (int i = 0; i < edit.keywords().size(); i++) {
            jdbc.sql("INSERT INTO agent_knowledge_keyword (entry_id, sort_order, keyword) VALUES (?, ?, ?)")
                    .params(id, i, edit.keywords().get(i)).update();
        }
    }

    /** What was written, as the caller gets it back (its time as given, not as the database rounds it). */
    private static KnowledgeEntryView view(long id, KnowledgeEntryEdit edit, Instant now) {
        return new KnowledgeEntryView(id, edit.title(), edit.answerTemplate(), edit.language(), edit.enabled(),
                edit.questions(), edit.keywords(), now);
    }

    /** The entry's questions and keywords go with it ({@code ON DELETE CASCADE}). */
    @Override
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM agent_knowledge_entry WHERE id = ?").param(id).update() > 0;
    }
}
