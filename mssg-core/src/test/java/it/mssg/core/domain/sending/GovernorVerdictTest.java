package it.mssg.core.domain.sending;

import it.mssg.core.domain.sending.GovernorVerdict.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GovernorVerdictTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @ParameterizedTest(name = "{0} {1} with instant {2}: valid {3}")
    @CsvSource({
            "ALLOW, OK,               true,  true",
            "ALLOW, OK,               false, false",
            "ALLOW, SPACING,          true,  false",
            "WAIT,  CAP_HOUR,         true,  true",
            "WAIT,  CAP_HOUR,         false, false",
            "WAIT,  OK,               true,  false",
            "HOLD,  SESSION_NOT_READY, false, true",
            "HOLD,  SESSION_NOT_READY, true,  false",
            "BLOCK, OPTED_OUT,        false, true",
            "BLOCK, OPTED_OUT,        true,  false",
    })
    void shapeIsChecked(Decision decision, GovernorReason reason, boolean withInstant, boolean valid) {
        Instant at = withInstant ? NOW : null;
        if (valid) {
            assertThat(new GovernorVerdict(decision, reason, at).decision()).isEqualTo(decision);
        } else {
            assertThatIllegalArgumentException().isThrownBy(() -> new GovernorVerdict(decision, reason, at));
        }
    }

    @Test
    void delayFromNow() {
        assertThat(GovernorVerdict.allow(NOW.plusSeconds(12)).delayFrom(NOW)).isEqualTo(Duration.ofSeconds(12));
        assertThat(GovernorVerdict.allow(NOW.minusSeconds(12)).delayFrom(NOW)).isEqualTo(Duration.ZERO);
        assertThat(GovernorVerdict.block(GovernorReason.OPTED_OUT).delayFrom(NOW)).isEqualTo(Duration.ZERO);
        assertThat(GovernorVerdict.allow(NOW).allowed()).isTrue();
        assertThat(GovernorVerdict.hold(GovernorReason.PAUSED_FAILURES).allowed()).isFalse();
    }

    @Test
    void everyReasonDescribesItself() {
        for (GovernorReason reason : GovernorReason.values()) {
            assertThat(reason.description()).isNotBlank();
        }
    }
}
