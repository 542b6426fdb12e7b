package it.mssg.agent.matching;

import java.util.List;

/** What the matcher needs of a knowledge-base entry: its example questions and exact keywords. */
public record MatchableEntry(long id, List<String> questions, List<String> keywords) {
    public MatchableEntry {
        questions = questions.stream().filter(q -> q != null && !q.isBlank()).map(String::strip).toList();
        keywords = keywords.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
    }
}
