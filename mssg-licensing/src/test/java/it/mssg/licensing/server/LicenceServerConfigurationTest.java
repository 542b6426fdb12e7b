package it.mssg.licensing.server;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The licence server refuses to start without the settings it cannot work without, and names the missing one. */
class LicenceServerConfigurationTest {

    private static LicenceServerSettings settings(String secretKey, String webhookSecret, String signingKeyId, String signingKey) {
        return new LicenceServerSettings(URI.create("https://licences.test"), secretKey, webhookSecret, "price_1", null,
                null, signingKeyId, null, signingKey, null, null, null, 0);
    }

    @Test
    void missingStripeSecretsAreNamed() {
        LicenceServerConfiguration configuration = new LicenceServerConfiguration();

        assertThatThrownBy(() -> configuration.stripeBilling(settings("", "whsec_1", "k", null), Clock.systemUTC()))
                .hasMessageContaining("stripe-secret-key");
        assertThatThrownBy(() -> configuration.stripeBilling(settings("sk_1", null, "k", null), Clock.systemUTC()))
                .hasMessageContaining("stripe-webhook-secret");
    }

    @Test
    void aMissingSigningKeyIsNamed() {
        LicenceServerConfiguration configuration = new LicenceServerConfiguration();

        assertThatThrownBy(() -> configuration.tokenSigner(settings("sk_1", "whsec_1", "k", null)))
                .hasMessageContaining("signing-key-file");
        assertThatThrownBy(() -> configuration.tokenSigner(settings("sk_1", "whsec_1", null, "x")))
                .hasMessageContaining("signing-key-id");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        LicenceServerSettings defaults = settings("sk_1", "whsec_1", "k", null);

        assertThat(defaults.plan()).isEqualTo("standard");
        assertThat(defaults.gracePeriod()).hasDays(7);
        assertThat(defaults.webhookTolerance()).hasSeconds(300);
        assertThat(defaults.checkoutSuccessUrl()).isEqualTo("https://licences.test/checkout/complete?session_id={CHECKOUT_SESSION_ID}");
        assertThat(defaults.portalReturn()).isEqualTo("https://licences.test/");
    }
}
