package it.mssg.agent.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "agent_knowledge_entry")
class KnowledgeEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 200)
    String title;

    @Column(name = "answer_template", nullable = false, length = 4000)
    String answerTemplate;

    @Column(nullable = false, length = 16)
    String language;

    @Column(nullable = false)
    boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_knowledge_question", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "sort_order")
    @Column(name = "question", nullable = false, length = 1000)
    List<String> questions = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_knowledge_keyword", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "sort_order")
    @Column(name = "keyword", nullable = false, length = 200)
    List<String> keywords = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;
}
