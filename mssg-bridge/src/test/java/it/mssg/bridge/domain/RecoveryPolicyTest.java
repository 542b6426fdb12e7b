package it.mssg.bridge.domain;

import it.mssg.core.api.DisconnectReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryPolicyTest {

    private final RecoveryPolicy policy = new RecoveryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30), 5);

    @ParameterizedTest(name = "{0} attempt {1} → {2}")
    @CsvSource(nullValues = "-", value = {
            "BROWSER_CRASHED,     1, 2",
            "BROWSER_CRASHED,     2, 4",
            "BROWSER_CRASHED,     3, 8",
            "TIMEOUT,             4, 16",
            "TIMEOUT,             5, 30",
            "TIMEOUT,             6, -",
            "NAVIGATED,           1, 2",
            "BROWSER_CRASHED,     0, -",
            "LOGGED_OUT,          1, -",
            "PROFILE_LOCKED,      1, -",
            "CONFLICT,            1, -",
            "UNSUPPORTED_VERSION, 1, -",
    })
    void backoffGrowsUpToACapAndOnlyForWhatRetryingCanFix(DisconnectReason reason, int attempt, Integer seconds) {
        if (seconds == null) {
            assertThat(policy.delayBefore(attempt, reason)).isEmpty();
        } else {
            assertThat(policy.delayBefore(attempt, reason)).contains(Duration.ofSeconds(seconds));
        }
    }
}
