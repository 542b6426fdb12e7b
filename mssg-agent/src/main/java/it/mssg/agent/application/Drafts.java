package it.mssg.agent.application;

import it.mssg.agent.api.SuggestionView;
import it.mssg.agent.domain.PersonalDataScanner;
import it.mssg.agent.matching.DraftWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a language model's draft into a suggestion, or into nothing. A draft is dropped when it holds personal
 * data (phone numbers, e-mail addresses, IBANs, card numbers) that does not appear word for word in the approved
 * answers it was given, or when it is too long to be a chat reply.
 */
final class Drafts {

    private static final Logger log = LoggerFactory.getLogger(Drafts.class);
    static final int MAX_CHARS = 1000;

    private Drafts() {
    }

    static Optional<SuggestionView> suggestion(DraftWriter writer, String message, List<String> approvedAnswers,
                                               long chatId, long messageId, Instant now) {
        Optional<String> draft;
        try {
            draft = writer.draft(message, approvedAnswers);
        } catch (RuntimeException e) {
            log.warn("agent: no draft for chat {}: {}", chatId, e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (draft.isEmpty()) return Optional.empty();
        String text = draft.get();
        if (text.length() > MAX_CHARS) {
            log.info("agent: draft for chat {} dropped: longer than {} characters", chatId, MAX_CHARS);
            return Optional.empty();
        }
        Set<PersonalDataScanner.Kind> leaked = new TreeSet<>();
        for (PersonalDataScanner.Finding f : PersonalDataScanner.scan(text)) {
            String found = text.substring(f.start(), f.end());
            if (approvedAnswers.stream().noneMatch(a -> a.contains(found))) leaked.add(f.kind());
        }
        if (!leaked.isEmpty()) {
            log.info("agent: draft for chat {} dropped: it contains personal data {}", chatId, leaked);
            return Optional.empty();
        }
        return Optional.of(new SuggestionView(chatId, messageId, SuggestionView.Source.DRAFT, null, text, 0, now));
    }
}
