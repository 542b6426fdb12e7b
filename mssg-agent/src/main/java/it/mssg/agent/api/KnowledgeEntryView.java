package it.mssg.agent.api;

import java.time.Instant;
import java.util.List;

/** A knowledge-base entry: an approved answer, its example questions and keywords. Texts are the user's own. */
public record KnowledgeEntryView(long id, String title, String answerTemplate, String language, boolean enabled,
                                 List<String> questions, List<String> keywords, Instant updatedAt) {
    public KnowledgeEntryView {
        questions = List.copyOf(questions);
        keywords = List.copyOf(keywords);
    }
}
