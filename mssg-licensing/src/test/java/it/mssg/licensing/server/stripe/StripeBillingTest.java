package it.mssg.licensing.server.stripe;

import it.mssg.licensing.domain.SubscriptionStatus;
import it.mssg.licensing.server.FakeStripe;
import it.mssg.licensing.server.domain.CompletedCheckout;
import it.mssg.licensing.server.domain.SubscriptionSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** stripe-java pointed at a local fake: the requests the licence server makes have the shape Stripe expects. */
class StripeBillingTest {

    private static final String INSTALL = "0123456789abcdef0123456789abcdef";

    private FakeStripe fake;
    private StripeBilling billing;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeStripe();
        billing = new StripeBilling(StripeBilling.client("sk_test_fake", fake.apiBase()), "price_123", "whsec_test",
                Duration.ofSeconds(300), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void checkoutIsASubscriptionSessionForTheInstall() {
        URI url = billing.startCheckout(INSTALL, Optional.of("buyer@example.com"), 0,
                "https://licences.test/checkout/complete?session_id={CHECKOUT_SESSION_ID}", "https://licences.test/checkout/canceled");

        assertThat(url.toString()).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
        FakeStripe.Request request = fake.requests("POST", "/v1/checkout/sessions").get(0);
        assertThat(request.authorization()).isEqualTo("Bearer sk_test_fake");
        assertThat(request.form())
                .containsEntry("mode", "subscription")
                .containsEntry("client_reference_id", INSTALL)
                .containsEntry("customer_email", "buyer@example.com")
                .containsEntry("line_items[0][price]", "price_123")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("success_url", "https://licences.test/checkout/complete?session_id={CHECKOUT_SESSION_ID}")
                .containsEntry("cancel_url", "https://licences.test/checkout/canceled");
    }

    @Test
    void checkoutWithoutEmailSendsNoEmail() {
        billing.startCheckout(INSTALL, Optional.empty(), 0, "https://licences.test/ok", "https://licences.test/no");

        assertThat(fake.requests("POST", "/v1/checkout/sessions").get(0).form())
                .doesNotContainKey("customer_email")
                .doesNotContainKey("subscription_data[trial_period_days]");
    }

    @Test
    void aTrialIsOfferedWhenConfigured() {
        billing.startCheckout(INSTALL, Optional.empty(), 14, "https://licences.test/ok", "https://licences.test/no");

        assertThat(fake.requests("POST", "/v1/checkout/sessions").get(0).form())
                .containsEntry("mode", "subscription")
                .containsEntry("subscription_data[trial_period_days]", "14");
    }

    @Test
    void portalIsForTheCustomerAndReturnsToOurPage() {
        URI url = billing.openPortal("cus_42", "https://licences.test/");

        assertThat(url.toString()).startsWith("https://billing.stripe.test/p/session/");
        assertThat(fake.requests("POST", "/v1/billing_portal/sessions").get(0).form())
                .containsEntry("customer", "cus_42")
                .containsEntry("return_url", "https://licences.test/");
    }

    @Test
    void subscriptionIsReadWithItsPeriodEndFromTheItems() {
        Instant periodEnd = Instant.parse("2027-01-01T00:00:00Z");
        fake.setSubscription("sub_9", "cus_9", "past_due", periodEnd);

        SubscriptionSnapshot snapshot = billing.subscription("sub_9");

        assertThat(snapshot).isEqualTo(new SubscriptionSnapshot("sub_9", "cus_9", SubscriptionStatus.PAST_DUE, periodEnd));
        assertThat(fake.requests("GET", "/v1/subscriptions/sub_9")).hasSize(1);
    }

    @Test
    void completedCheckoutIsReadBackWithCustomerSubscriptionAndEmail() {
        billing.startCheckout(INSTALL, Optional.of("buyer@example.com"), 0, "https://licences.test/ok", "https://licences.test/no");
        String sessionId = fake.requests("POST", "/v1/checkout/sessions").size() == 1 ? "cs_test_1" : null;
        assertThat(billing.completedCheckout(sessionId)).isEmpty();

        fake.completeCheckout(sessionId, "cus_1", "sub_1", "active", Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(billing.completedCheckout(sessionId))
                .contains(new CompletedCheckout(sessionId, "cus_1", "sub_1", "buyer@example.com"));
    }

    @Test
    void stripeErrorsBecomeUnavailable() {
        assertThatThrownBy(() -> billing.subscription("sub_missing")).isInstanceOf(StripeUnavailableException.class);
    }
}
