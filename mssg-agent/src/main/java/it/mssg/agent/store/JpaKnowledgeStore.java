package it.mssg.agent.store;

import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.application.KnowledgeStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Component
@Transactional
class JpaKnowledgeStore implements KnowledgeStore {

    private final KnowledgeEntryRepository entries;

    JpaKnowledgeStore(KnowledgeEntryRepository entries) {
        this.entries = entries;
    }

    @Override
    @Transactional(readOnly = true)
    public List<KnowledgeEntryView> findAll() {
        return entries.findAllByOrderByTitleAscIdAsc().stream().map(JpaKnowledgeStore::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<KnowledgeEntryView> find(long id) {
        return entries.findById(id).map(JpaKnowledgeStore::view);
    }

    @Override
    public KnowledgeEntryView create(KnowledgeEntryEdit edit, Instant now) {
        KnowledgeEntryEntity e = new KnowledgeEntryEntity();
        e.createdAt = now;
        apply(e, edit, now);
        return view(entries.saveAndFlush(e));
    }

    @Override
    public Optional<KnowledgeEntryView> update(long id, KnowledgeEntryEdit edit, Instant now) {
        return entries.findById(id).map(e -> {
            apply(e, edit, now);
            return view(entries.saveAndFlush(e));
        });
    }

    @Override
    public boolean delete(long id) {
        if (!entries.existsById(id)) return false;
        entries.deleteById(id);
        return true;
    }

    private static void apply(KnowledgeEntryEntity e, KnowledgeEntryEdit edit, Instant now) {
        e.title = edit.title();
        e.answerTemplate = edit.answerTemplate();
        e.language = edit.language();
        e.enabled = edit.enabled();
        e.questions.clear();
        e.questions.addAll(edit.questions());
        e.keywords.clear();
        e.keywords.addAll(edit.keywords());
        e.updatedAt = now;
    }

    private static KnowledgeEntryView view(KnowledgeEntryEntity e) {
        return new KnowledgeEntryView(e.id, e.title, e.answerTemplate, e.language, e.enabled,
                new ArrayList<>(e.questions), new ArrayList<>(e.keywords), e.updatedAt);
    }
}
