package it.mssg.agent.application;

import it.mssg.agent.api.SuggestionView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A language model's draft becomes a suggestion only when it is safe to show. */
class DraftsTest {

    static final List<String> ANSWERS = List.of("We are open 9:00 to 18:00. Call us on +39 02 1234 5678.");

    private Optional<SuggestionView> draft(String text) {
        return Drafts.suggestion((message, answers) -> Optional.ofNullable(text), "when do you open?", ANSWERS, 5, 6, Instant.EPOCH);
    }

    @Test
    void aCleanDraftIsADraftSuggestion() {
        assertThat(draft("We open at 9:00, see you then!")).hasValueSatisfying(s -> {
            assertThat(s.source()).isEqualTo(SuggestionView.Source.DRAFT);
            assertThat(s.entryId()).isNull();
            assertThat(s.chatId()).isEqualTo(5);
            assertThat(s.messageId()).isEqualTo(6);
        });
    }

    @Test
    void personalDataNotInTheApprovedAnswersDropsTheDraft() {
        assertThat(draft("Sure! Write to mario.rossi@example.com")).isEmpty();
        assertThat(draft("Call Mario on +39 333 765 4321")).isEmpty();
        assertThat(draft("Pay to IT60 X054 2811 1010 0000 0123 456")).isEmpty();
        assertThat(draft("Card 4111 1111 1111 1111 works")).isEmpty();
    }

    @Test
    void theShopsOwnNumberFromAnApprovedAnswerIsFine() {
        assertThat(draft("Call us on +39 02 1234 5678 any time")).isPresent();
    }

    @Test
    void nothingTooLongOrFailingBecomesASuggestion() {
        assertThat(draft(null)).isEmpty();
        assertThat(draft("x".repeat(Drafts.MAX_CHARS + 1))).isEmpty();
        assertThat(Drafts.suggestion((m, a) -> { throw new IllegalStateException("down"); }, "hi", ANSWERS, 1, 2, Instant.EPOCH)).isEmpty();
    }
}
