package it.mssg.agent.api;

import java.util.List;

/**
 * The agent's knowledge base: approved answers with example questions and keywords, and a "test a message"
 * box. Ids that do not exist raise core's {@code NotFoundException}; bad input raises {@code InvalidInputException}
 * (an answer template with a mistake, with its line and column), and an example question that another enabled
 * entry already has raises its subclass {@code ConflictException} naming that entry.
 */
public interface KnowledgeBase {

    /** All entries, by title. */
    List<KnowledgeEntryView> list();

    KnowledgeEntryView get(long id);

    KnowledgeEntryView create(KnowledgeEntryEdit edit);

    KnowledgeEntryView update(long id, KnowledgeEntryEdit edit);

    void delete(long id);

    /** What the agent would do with {@code test.text()} right now: the best entries' scores and the decision. */
    MessageTestView test(MessageTest test);
}
