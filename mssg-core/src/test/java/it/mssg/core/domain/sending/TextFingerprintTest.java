package it.mssg.core.domain.sending;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextFingerprintTest {

    @ParameterizedTest(name = "\"{0}\" vs \"{1}\": same {2}")
    @CsvSource({
            "'Hello there',          'hello there',          true",
            "'Hello there',          '  Hello   there  ',     true",
            "'Hello there',          'Hello\nthere',          true",
            "'Hello there',          'Hello\u200B there',     true",
            "'ｈｅｌｌｏ',            'hello',                true",
            "'Hello there',          'Hello there!',         false",
            "'Ciao Mario',           'Ciao Maria',           false",
            "'Line one\n\nLine two', 'line one line two',    true",
            "'',                     '   ',                  true",
    })
    void sameTextIgnoresCaseSpacingAndInvisibleCharacters(String a, String b, boolean same) {
        assertThat(TextFingerprint.of(a) == TextFingerprint.of(b)).isEqualTo(same);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({"'  A  b\tC ', 'a b c'", "'\uFEFFStop', 'stop'", "'Ünïcödé', 'ünïcödé'"})
    void normalise(String text, String expected) {
        assertThat(TextFingerprint.normalise(text)).isEqualTo(expected);
    }
}
