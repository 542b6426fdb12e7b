package it.mssg.web.agent;

import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;

import java.util.Arrays;
import java.util.List;

/**
 * A knowledge-base entry as the form holds it: example questions and keywords one per line; an unticked
 * "enabled" box sends nothing (null). Kept as typed, so a
 * rejected form comes back with everything the user wrote.
 */
record EntryForm(String title, String answerTemplate, String language, Boolean enabled, String questions, String keywords) {

    static EntryForm empty() {
        return new EntryForm("", "", "en", true, "", "");
    }

    static EntryForm of(KnowledgeEntryView entry) {
        return new EntryForm(entry.title(), entry.answerTemplate(), entry.language(), entry.enabled(),
                String.join("\n", entry.questions()), String.join("\n", entry.keywords()));
    }

    /** @throws it.mssg.core.api.InvalidInputException with the field and a sentence for the user */
    KnowledgeEntryEdit toEdit() {
        return new KnowledgeEntryEdit(title, answerTemplate, language, Boolean.TRUE.equals(enabled), lines(questions), lines(keywords));
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
