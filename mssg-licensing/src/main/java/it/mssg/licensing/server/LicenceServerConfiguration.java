package it.mssg.licensing.server;

import it.mssg.licensing.server.signing.SigningKeys;
import it.mssg.licensing.server.signing.TokenSigner;
import it.mssg.licensing.server.stripe.StripeBilling;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.security.PrivateKey;
import java.time.Clock;

/** Builds the Stripe adapter and the token signer from the settings; refuses to start without the secrets. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LicenceServerSettings.class)
@EnableScheduling
class LicenceServerConfiguration {

    @Bean
    Clock licenceServerClock() {
        return Clock.systemUTC();
    }

    @Bean
    StripeBilling stripeBilling(LicenceServerSettings settings, Clock clock) {
        require(settings.publicUrl() != null, "mssg.licence-server.public-url");
        require(present(settings.stripeSecretKey()), "mssg.licence-server.stripe-secret-key");
        require(present(settings.stripeWebhookSecret()), "mssg.licence-server.stripe-webhook-secret");
        require(present(settings.stripePriceId()), "mssg.licence-server.stripe-price-id");
        return new StripeBilling(StripeBilling.client(settings.stripeSecretKey(), settings.stripeApiBase()),
                settings.stripePriceId(), settings.stripeWebhookSecret(), settings.webhookTolerance(), clock);
    }

    @Bean
    TokenSigner tokenSigner(LicenceServerSettings settings) {
        require(present(settings.signingKeyId()), "mssg.licence-server.signing-key-id");
        PrivateKey key;
        if (present(settings.signingKey())) {
            key = SigningKeys.parsePrivateKey(settings.signingKey());
        } else {
            require(settings.signingKeyFile() != null, "mssg.licence-server.signing-key-file (or signing-key)");
            key = SigningKeys.readPrivateKey(settings.signingKeyFile());
        }
        return new TokenSigner(settings.signingKeyId(), key);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean present, String setting) {
        if (!present) {
            throw new IllegalStateException("The licence server needs the setting " + setting);
        }
    }
}
