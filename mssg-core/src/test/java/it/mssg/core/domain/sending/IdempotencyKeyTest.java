package it.mssg.core.domain.sending;

import it.mssg.core.domain.sending.IdempotencyKey.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotencyKeyTest {

    private static final IdempotencyKey BASE = IdempotencyKey.of(Source.CAMPAIGN, "17", "393331111111@c.us", "1");

    @Test
    void theSameLogicalMessageGetsTheSameKey() {
        IdempotencyKey again = IdempotencyKey.of(Source.CAMPAIGN, "17", "393331111111@c.us", "1");

        assertThat(again).isEqualTo(BASE);
        assertThat(BASE.value()).matches("[0-9a-f]{64}");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} differs")
    @CsvSource({
            "SCHEDULE, 17, 393331111111@c.us, 1",
            "CAMPAIGN, 18, 393331111111@c.us, 1",
            "CAMPAIGN, 17, 393332222222@c.us, 1",
            "CAMPAIGN, 17, 393331111111@c.us, 2",
            "CAMPAIGN, 1,  7393331111111@c.us, 1",   // moving characters between parts changes the key
            "CAMPAIGN, 17|393331111111@c.us, x, 1",
    })
    void anyDifferentPartGivesADifferentKey(Source source, String sourceId, String recipient, String logicalId) {
        assertThat(IdempotencyKey.of(source, sourceId, recipient, logicalId)).isNotEqualTo(BASE);
    }

    @Test
    void aDoubleClickRepeatsTheComposeIdAndSoTheKey() {
        String composeId = "6f1c2a4e-8a8b-4a57-9a55-1a6f3c9d2e11";
        IdempotencyKey first = IdempotencyKey.of(Source.REPLY_BOX, "chat-9", "393331111111@c.us", composeId);
        IdempotencyKey second = IdempotencyKey.of(Source.REPLY_BOX, "chat-9", "393331111111@c.us", composeId);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void blankPartsAndMalformedValuesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.of(Source.API, " ", "r", "1"));
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.of(Source.API, "s", null, "1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey("abc"));
        assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey("G".repeat(64)));
    }
}
