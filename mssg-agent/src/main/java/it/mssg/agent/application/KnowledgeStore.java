package it.mssg.agent.application;

import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of the knowledge base (implemented in {@code store/}). */
public interface KnowledgeStore {

    List<KnowledgeEntryView> findAll();

    Optional<KnowledgeEntryView> find(long id);

    KnowledgeEntryView create(KnowledgeEntryEdit edit, Instant now);

    /** @return empty when there is no entry {@code id} */
    Optional<KnowledgeEntryView> update(long id, KnowledgeEntryEdit edit, Instant now);

    boolean delete(long id);
}
