package it.mssg.licensing.domain;

import it.mssg.licensing.api.Feature;
import it.mssg.licensing.api.LicenceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LicenceStateRulesTest {

    private static final KeyPair KEYS = TestTokens.keyPair();
    private static final TokenVerifier VERIFIER = TestTokens.verifier(KEYS);
    private static final String INSTALL = InstallIds.newInstallId();
    private static final Instant ISSUED = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant VALID_UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant GRACE_UNTIL = Instant.parse("2027-01-08T00:00:00Z");

    private static String token(SubscriptionStatus status, String installId) {
        return TestTokens.sign(KEYS, TestTokens.KEY_ID, new LicenceClaims("mssg-ABCDE", "standard", status, VALID_UNTIL,
                GRACE_UNTIL, InstallIds.hash(installId), ISSUED));
    }

    private static LicenceState state(String token, Instant now, Instant lastSeen) {
        return LicenceStateRules.evaluate(Optional.ofNullable(token), INSTALL, now, lastSeen, VERIFIER).state();
    }

    /** Every boundary of the token's times, for each status the token can carry. */
    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            "ACTIVE,   2026-12-01T00:00:00Z, ACTIVE",
            "ACTIVE,   2026-12-31T23:59:59Z, ACTIVE",
            "ACTIVE,   2027-01-01T00:00:00Z, GRACE",
            "ACTIVE,   2027-01-07T23:59:59Z, GRACE",
            "ACTIVE,   2027-01-08T00:00:00Z, EXPIRED",
            "ACTIVE,   2030-01-01T00:00:00Z, EXPIRED",
            "TRIALING, 2026-12-31T23:59:59Z, TRIAL",
            "TRIALING, 2027-01-01T00:00:00Z, GRACE",
            "TRIALING, 2027-01-08T00:00:00Z, EXPIRED",
            "PAST_DUE, 2026-12-31T23:59:59Z, ACTIVE",
            "PAST_DUE, 2027-01-01T00:00:00Z, GRACE",
            "CANCELED, 2026-12-15T00:00:00Z, CANCELED",
            "CANCELED, 2027-01-05T00:00:00Z, CANCELED",
            "CANCELED, 2027-02-01T00:00:00Z, CANCELED",
    })
    void stateAtEachBoundary(SubscriptionStatus status, Instant now, LicenceState expected) {
        assertThat(state(token(status, INSTALL), now, ISSUED)).isEqualTo(expected);
    }

    /** The clock may wobble by the tolerance; further back than the latest time seen (or the token's issue time) is a rollback. */
    @ParameterizedTest(name = "last seen {0}, now {1} -> {2}")
    @CsvSource({
            "2026-12-20T12:00:00Z, 2026-12-20T12:00:00Z, ACTIVE",
            "2026-12-20T12:00:00Z, 2026-12-20T11:50:00Z, ACTIVE",
            "2026-12-20T12:00:00Z, 2026-12-20T11:49:59Z, INVALID",
            "2026-12-20T12:00:00Z, 2026-12-02T00:00:00Z, INVALID",
            "2027-01-09T00:00:00Z, 2026-12-20T00:00:00Z, INVALID",
            "2026-11-01T00:00:00Z, 2026-11-30T23:50:00Z, ACTIVE",
            "2026-11-01T00:00:00Z, 2026-11-30T23:49:59Z, INVALID",
    })
    void clockRolledBackIsInvalid(Instant lastSeen, Instant now, LicenceState expected) {
        assertThat(state(token(SubscriptionStatus.ACTIVE, INSTALL), now, lastSeen)).isEqualTo(expected);
    }

    @Test
    void noTokenIsUnlicensed() {
        assertThat(state(null, ISSUED, null)).isEqualTo(LicenceState.UNLICENSED);
        assertThat(state(" ", ISSUED, null)).isEqualTo(LicenceState.UNLICENSED);
    }

    @Test
    void aTokenOfAnotherInstallIsInvalid() {
        String other = token(SubscriptionStatus.ACTIVE, InstallIds.newInstallId());

        LicenceStateRules.Evaluation evaluation = LicenceStateRules.evaluate(Optional.of(other), INSTALL,
                ISSUED.plus(Duration.ofDays(1)), ISSUED, VERIFIER);

        assertThat(evaluation.state()).isEqualTo(LicenceState.INVALID);
        assertThat(evaluation.reason()).contains("another installation");
    }

    @Test
    void aBadSignatureIsInvalid() {
        String forged = TestTokens.sign(TestTokens.keyPair(), TestTokens.KEY_ID, new LicenceClaims("mssg-ABCDE", "standard",
                SubscriptionStatus.ACTIVE, VALID_UNTIL, GRACE_UNTIL, InstallIds.hash(INSTALL), ISSUED));

        assertThat(state(forged, ISSUED.plus(Duration.ofDays(1)), ISSUED)).isEqualTo(LicenceState.INVALID);
    }

    @ParameterizedTest
    @CsvSource({
            "UNLICENSED, false", "TRIAL, true", "ACTIVE, true", "GRACE, true",
            "EXPIRED, false", "CANCELED, false", "INVALID, false",
    })
    void licensedFeaturesFollowTheState(LicenceState state, boolean open) {
        for (Feature feature : Feature.values()) {
            assertThat(EntitlementRules.allows(state, feature)).as("%s in %s", feature, state).isEqualTo(open);
        }
    }
}
