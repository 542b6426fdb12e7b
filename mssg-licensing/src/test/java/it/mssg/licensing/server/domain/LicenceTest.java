package it.mssg.licensing.server.domain;

import it.mssg.licensing.domain.InstallIds;
import it.mssg.licensing.domain.LicenceClaims;
import it.mssg.licensing.domain.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicenceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2027-01-01T00:00:00Z");
    private static final Licence ACTIVE = new Licence("mssg-AAAAA", "cus_1", "sub_1", SubscriptionStatus.ACTIVE, PERIOD_END, null);

    @ParameterizedTest(name = "{0} then Stripe says {1} -> {2}")
    @CsvSource({
            "ACTIVE,   TRIALING, TRIALING",
            "ACTIVE,   PAST_DUE, PAST_DUE",
            "PAST_DUE, ACTIVE,   ACTIVE",
            "ACTIVE,   CANCELED, CANCELED",
            "CANCELED, ACTIVE,   CANCELED",
            "CANCELED, PAST_DUE, CANCELED",
    })
    void statusFollowsStripeButCanceledIsFinal(SubscriptionStatus before, SubscriptionStatus stripe, SubscriptionStatus after) {
        Licence licence = new Licence("mssg-AAAAA", "cus_1", "sub_1", before, PERIOD_END, null);

        assertThat(licence.apply(new SubscriptionSnapshot("sub_1", "cus_1", stripe, PERIOD_END)).status()).isEqualTo(after);
    }

    @ParameterizedTest
    @CsvSource({"trialing, TRIALING", "active, ACTIVE", "past_due, PAST_DUE", "canceled, CANCELED", "unpaid, CANCELED",
            "incomplete, CANCELED", "incomplete_expired, CANCELED", "paused, CANCELED"})
    void stripeStatusesMapToWhatTheAppActsOn(String stripe, SubscriptionStatus expected) {
        assertThat(SubscriptionStatus.fromStripe(stripe)).isEqualTo(expected);
    }

    @Test
    void aSnapshotOfAnotherSubscriptionIsRefused() {
        assertThatThrownBy(() -> ACTIVE.apply(new SubscriptionSnapshot("sub_2", "cus_1", SubscriptionStatus.ACTIVE, PERIOD_END)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimsRunToThePeriodEndThenGrace() {
        String install = InstallIds.newInstallId();

        LicenceClaims claims = ACTIVE.claims("standard", install, NOW, Duration.ofDays(7));

        assertThat(claims.validUntil()).isEqualTo(PERIOD_END);
        assertThat(claims.graceUntil()).isEqualTo(PERIOD_END.plus(Duration.ofDays(7)));
        assertThat(claims.installHash()).isEqualTo(InstallIds.hash(install)).doesNotContain(install);
        assertThat(claims.issuedAt()).isEqualTo(NOW);
    }

    @Test
    void aPastDueLicenceGoesStraightToGrace() {
        Licence pastDue = new Licence("mssg-AAAAA", "cus_1", "sub_1", SubscriptionStatus.PAST_DUE, PERIOD_END, null);

        LicenceClaims claims = pastDue.claims("standard", InstallIds.newInstallId(), NOW, Duration.ofDays(7));

        assertThat(claims.validUntil()).isEqualTo(NOW);
        assertThat(claims.graceUntil()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void licenceKeysAreLongRandomAndReadable() {
        String first = Licence.newLicenceId();

        assertThat(first).matches("mssg-[A-Z2-9]{5}(-[A-Z2-9]{5}){4}");
        assertThat(Licence.newLicenceId()).isNotEqualTo(first);
    }
}
