package it.mssg.core.domain.sending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptOutKeywordsTest {

    private final OptOutKeywords keywords = OptOutKeywords.defaults();

    @ParameterizedTest(name = "\"{0}\" opts out")
    @ValueSource(strings = {
            "STOP", "stop", "Stop", " stop ", "STOP!", "stop.", "Stop!!!", "¡STOP!", "«stop»", "🛑 STOP 🛑", "stop 🙏",
            "ｓｔｏｐ",                 // full-width letters
            "s\u200Btop",               // a zero-width space inside
            "STOP\n", "stop all", "Stop   All",
            "UNSUBSCRIBE", "unsubscribe.", "Opt out", "OPTOUT",
            "STOPP", "stopp!", "Abmelden",                 // German, Scandinavian
            "PARAR", "parar", "BAJA", "baja", "Dar de baja", "darme de baja",  // Spanish
            "Sair", "descadastrar", "Cancelar inscrição", "cancelar inscricao", // Portuguese
            "ARRÊT", "arrêt", "Arret", "ARRET!", "désinscrire", "desabonner",   // French
            "DISISCRIVI", "disiscrivimi", "Cancellami",    // Italian
            "afmelden",                                    // Dutch
    })
    void wholeMessageKeywordsOptOut(String inbound) {
        assertThat(keywords.matches(inbound)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is a conversation")
    @ValueSource(strings = {
            "don't stop", "stop it please", "Please stop", "Can you stop by tomorrow?", "stopping by later",
            "the bus stop", "stopover", "baja california", "no PARAR nunca", "arrêt de bus",
            "STOP STOP", "st op", "", "   ", "🛑", "!!!", "ok",
    })
    void aKeywordInsideASentenceIsNotAnOptOut(String inbound) {
        assertThat(keywords.matches(inbound)).isFalse();
    }

    @Test
    void nullAndLongMessagesNeverMatch() {
        assertThat(keywords.matches(null)).isFalse();
        assertThat(keywords.matches("stop" + " ".repeat(OptOutKeywords.MAX_MESSAGE_LENGTH))).isFalse();
    }

    @Test
    void theListIsEditable() {
        OptOutKeywords custom = OptOutKeywords.of(List.of("Basta", "  no more  ", "ENOUGH"));

        assertThat(custom.matches("basta!")).isTrue();
        assertThat(custom.matches("No more.")).isTrue();
        assertThat(custom.matches("arrêt")).isFalse();
        assertThat(custom.keywords()).containsExactly("Basta", "no more", "ENOUGH");
        // a list without them still lets people leave with the words they are told to send
        assertThat(custom.matches("STOP")).isTrue();
        assertThat(custom.matches("unsubscribe")).isTrue();
    }

    @Test
    void keywordsThatNormaliseAlikeAreKeptOnce() {
        OptOutKeywords custom = OptOutKeywords.of(List.of("ARRÊT", "arret", "Arrêt!"));

        assertThat(custom.keywords()).containsExactly("ARRÊT");
    }

    @ParameterizedTest(name = "keyword \"{0}\" is refused")
    @CsvSource(value = {"'', no letters", "'!!', no letters", "'🛑', no letters",
            "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', longer than 40",
            "'ok', shorter than 3", "'a', shorter than 3", "'No!', shorter than 3"})
    void keywordsWithoutLettersOrTooLongAreRefused(String keyword, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> OptOutKeywords.of(List.of(keyword)))
                .withMessageContaining(message);
    }

    @ParameterizedTest(name = "\"{0}\" normalises to \"{1}\"")
    @CsvSource(value = {"'  ¡¡Baja!! ', baja", "'ARRÊT', arret", "'Stop   All', stop all", "'ｓｔｏｐ', stop",
            "'DÉSABONNER 🙅', desabonner"})
    void normalisation(String text, String expected) {
        assertThat(OptOutKeywords.normalise(text)).isEqualTo(expected);
    }
}
