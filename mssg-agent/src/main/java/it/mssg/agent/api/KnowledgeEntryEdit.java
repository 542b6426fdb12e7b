package it.mssg.agent.api;

import it.mssg.core.api.InvalidInputException;

import java.util.List;

/**
 * A new or changed knowledge-base entry. The answer is a template: {@code {{first_name|there}}} inserts the
 * contact's first name or "there"; the variables are core's ({@code first_name}, {@code name}, {@code phone},
 * {@code field.<key>}). Keywords are exact words or phrases (any language, case and accents ignored)
 * that choose this entry whatever the model says. The record checks each field by itself; the knowledge base
 * also rejects an answer template with a mistake and an example question that another enabled entry has.
 *
 * @param language a short language tag such as {@code en} or {@code it}
 */
public record KnowledgeEntryEdit(String title, String answerTemplate, String language, boolean enabled,
                                 List<String> questions, List<String> keywords) {

    public static final int MAX_QUESTIONS = 50, MAX_KEYWORDS = 50;

    public KnowledgeEntryEdit {
        title = title == null ? "" : title.strip();
        answerTemplate = answerTemplate == null ? "" : answerTemplate.strip();
        language = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(java.util.Locale.ROOT);
        questions = clean(questions);
        keywords = clean(keywords);
        InvalidInputException.require(!title.isEmpty() && title.length() <= 200, "title", "title must have 1 to 200 characters");
        InvalidInputException.require(!answerTemplate.isEmpty() && answerTemplate.length() <= 4000, "answerTemplate",
                "the answer must have 1 to 4000 characters");
        InvalidInputException.require(language.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?"), "language",
                "language must be a tag such as en or pt-br");
        InvalidInputException.require(!questions.isEmpty() || !keywords.isEmpty(), "questions",
                "give at least one example question or keyword");
        InvalidInputException.require(questions.size() <= MAX_QUESTIONS, "questions", "at most " + MAX_QUESTIONS + " example questions");
        InvalidInputException.require(questions.stream().allMatch(q -> q.length() <= 1000), "questions",
                "an example question may have at most 1000 characters");
        InvalidInputException.require(keywords.size() <= MAX_KEYWORDS, "keywords", "at most " + MAX_KEYWORDS + " keywords");
        InvalidInputException.require(keywords.stream().allMatch(k -> k.length() <= 200), "keywords",
                "a keyword may have at most 200 characters");
    }

    private static List<String> clean(List<String> texts) {
        return texts == null ? List.of()
                : texts.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
    }
}
