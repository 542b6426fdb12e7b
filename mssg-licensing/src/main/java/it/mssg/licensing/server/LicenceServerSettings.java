package it.mssg.licensing.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The licence server's settings ({@code licence-server.yml}; every one can come from the environment, e.g.
 * {@code MSSG_LICENCE_SERVER_STRIPE_SECRET_KEY}).
 *
 * @param publicUrl           where users' browsers reach this server (Checkout returns here)
 * @param stripeSecretKey     the Stripe secret key
 * @param stripeWebhookSecret the webhook endpoint's signing secret ({@code whsec_...})
 * @param stripePriceId       the recurring price sold
 * @param stripeApiBase       another Stripe API address (a local fake in tests); empty for the real one
 * @param plan                the plan name written into tokens
 * @param signingKeyId        the key id of the signing key, as listed in the app's public keys
 * @param signingKeyFile      a PKCS#8 PEM file holding the Ed25519 private key
 * @param signingKey          the same key as base64 or PEM text, for environments that pass secrets as variables
 * @param gracePeriod         how long licensed features stay open after a token's validity ends
 * @param webhookTolerance    how old a webhook's signed timestamp may be
 * @param portalReturnUrl     where the Customer Portal's back link goes
 * @param trialDays           days of free trial offered at checkout (0: none)
 */
@ConfigurationProperties("mssg.licence-server")
record LicenceServerSettings(URI publicUrl, String stripeSecretKey, String stripeWebhookSecret, String stripePriceId,
                             String stripeApiBase, String plan, String signingKeyId, Path signingKeyFile,
                             String signingKey, Duration gracePeriod, Duration webhookTolerance, String portalReturnUrl,
                             int trialDays) {

    LicenceServerSettings {
        plan = plan == null || plan.isBlank() ? "standard" : plan;
        gracePeriod = gracePeriod == null ? Duration.ofDays(7) : gracePeriod;
        webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
        if (trialDays < 0) {
            throw new IllegalArgumentException("mssg.licence-server.trial-days must not be negative");
        }
    }

    String checkoutSuccessUrl() {
        return publicUrl.resolve("/checkout/complete").toString() + "?session_id={CHECKOUT_SESSION_ID}";
    }

    String checkoutCancelUrl() {
        return publicUrl.resolve("/checkout/canceled").toString();
    }

    String portalReturn() {
        return portalReturnUrl == null || portalReturnUrl.isBlank() ? publicUrl.resolve("/").toString() : portalReturnUrl;
    }
}
