package it.mssg.bridge.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TypingTimeTest {

    private final TypingTime typing = new TypingTime(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofMillis(60));

    @ParameterizedTest(name = "{0} characters → {1} ms")
    @CsvSource({"0, 1000", "5, 1000", "16, 1000", "17, 1020", "50, 3000", "100, 6000", "5000, 6000"})
    void growsWithTheTextWithinBounds(int length, long millis) {
        assertThat(typing.forText("x".repeat(length))).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"'😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀', 1200"})
    void countsCharactersNotUtf16Units(String text, long millis) {
        assertThat(typing.forText(text)).isEqualTo(Duration.ofMillis(millis));
    }
}
