package it.mssg.agent.matching;

import java.util.List;
import java.util.Optional;

/** Drafts a reply with a language model. A draft is only ever a suggestion for the user, never sent by itself. */
@FunctionalInterface
public interface DraftWriter {

    /**
     * @param message         the customer's message
     * @param approvedAnswers the best-matching approved answers, as context; may be empty
     * @return a draft, or empty when the model has nothing useful to say
     */
    Optional<String> draft(String message, List<String> approvedAnswers);
}
