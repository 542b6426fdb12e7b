package it.mssg.licensing.server;

import it.mssg.licensing.domain.SubscriptionStatus;
import it.mssg.licensing.server.domain.Licence;
import it.mssg.licensing.server.signing.SigningKeys;
import it.mssg.licensing.server.store.LicenceRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook endpoint of the running licence server, with payloads signed in the test. */
class StripeWebhookIT {

    private static FakeStripe stripe;
    private static RunningLicenceServer server;
    private static final AtomicInteger counter = new AtomicInteger();

    private String sessionId;
    private String subscriptionId;
    private final Instant periodEnd = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void start() throws Exception {
        stripe = new FakeStripe();
        server = new RunningLicenceServer(stripe, SigningKeys.generate());
    }

    @AfterAll
    static void stop() {
        server.close();
        stripe.close();
    }

    /** Each test buys its own subscription so the tests do not share licences. */
    @BeforeEach
    void paidCheckout() {
        int n = counter.incrementAndGet();
        HttpResponse<String> checkout = server.postJson("/api/checkout",
                "{\"installId\":\"0123456789abcdef0123456789abcdef\",\"email\":\"buyer@example.com\"}");
        assertThat(checkout.statusCode()).isEqualTo(200);
        sessionId = checkout.body().replaceAll(".*/c/pay/(cs_test_[0-9]+).*", "$1");
        subscriptionId = "sub_" + n;
        stripe.completeCheckout(sessionId, "cus_" + n, subscriptionId, "active", periodEnd);
    }

    private LicenceRepository licences() {
        return server.bean(LicenceRepository.class);
    }

    private String checkoutCompleted(String eventId) {
        return RunningLicenceServer.event(eventId, "checkout.session.completed",
                "{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\",\"mode\":\"subscription\"}");
    }

    private String subscriptionEvent(String eventId, String type, String claimedStatus) {
        return RunningLicenceServer.event(eventId, type,
                "{\"id\":\"" + subscriptionId + "\",\"object\":\"subscription\",\"status\":\"" + claimedStatus + "\"}");
    }

    @Test
    void aValidEventIsAcceptedAndCreatesTheLicence() {
        HttpResponse<String> response = server.deliver(checkoutCompleted("evt_valid_" + sessionId));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"processed\":true");
        Licence licence = licences().bySubscription(subscriptionId).orElseThrow();
        assertThat(licence.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(licence.periodEnd()).isEqualTo(periodEnd);
        assertThat(licence.email()).isEqualTo("buyer@example.com");
        assertThat(licence.licenceId()).matches("mssg-[A-Z2-9]{5}(-[A-Z2-9]{5}){4}");
    }

    @Test
    void aPayloadWithNonAsciiTextIsVerifiedOverItsUtf8Bytes() {
        String payload = RunningLicenceServer.event("evt_utf8_" + sessionId, "checkout.session.completed",
                "{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\",\"custom_text\":\"Grüße, 谢谢 ✓\"}");

        HttpResponse<String> response = server.deliver(payload);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(licences().bySubscription(subscriptionId)).isPresent();
    }

    @Test
    void aBadSignatureIsRefused() {
        String payload = checkoutCompleted("evt_badsig_" + sessionId);

        HttpResponse<String> wrongSecret = server.postWebhook(payload,
                RunningLicenceServer.signature(payload, System.currentTimeMillis() / 1000, "whsec_other"));
        HttpResponse<String> noHeader = server.postWebhook(payload, null);

        assertThat(wrongSecret.statusCode()).isEqualTo(400);
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(licences().bySubscription(subscriptionId)).isEmpty();
        assertThat(licences().eventSeen("evt_badsig_" + sessionId)).isFalse();
    }

    @Test
    void aTamperedBodyIsRefused() {
        String payload = checkoutCompleted("evt_tampered_" + sessionId);
        String header = RunningLicenceServer.signature(payload, System.currentTimeMillis() / 1000,
                RunningLicenceServer.WEBHOOK_SECRET);

        HttpResponse<String> response = server.postWebhook(payload.replace("subscription\"}", "subscription\" }"), header);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(licences().bySubscription(subscriptionId)).isEmpty();
    }

    @Test
    void aStaleTimestampIsRefused() {
        String payload = checkoutCompleted("evt_stale_" + sessionId);
        long sixMinutesAgo = System.currentTimeMillis() / 1000 - 301;

        HttpResponse<String> response = server.postWebhook(payload,
                RunningLicenceServer.signature(payload, sixMinutesAgo, RunningLicenceServer.WEBHOOK_SECRET));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(licences().bySubscription(subscriptionId)).isEmpty();
    }

    @Test
    void aReplayIsAcknowledgedAndProcessedOnce() {
        String payload = checkoutCompleted("evt_replay_" + sessionId);
        int subscriptionReadsBefore = stripe.requests("GET", "/v1/subscriptions/" + subscriptionId).size();

        HttpResponse<String> first = server.deliver(payload);
        HttpResponse<String> replay = server.deliver(payload);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"processed\":true");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"processed\":false");
        assertThat(stripe.requests("GET", "/v1/subscriptions/" + subscriptionId).size() - subscriptionReadsBefore).isEqualTo(1);
        assertThat(stripe.requests("GET", "/v1/checkout/sessions/" + sessionId)).hasSize(1);
    }

    @Test
    void deletedArrivingBeforeUpdatedStillEndsCanceled() {
        server.deliver(checkoutCompleted("evt_order_checkout_" + sessionId));
        stripe.setSubscription(subscriptionId, "cus_x", "canceled", periodEnd);

        assertThat(server.deliver(subscriptionEvent("evt_order_deleted_" + sessionId, "customer.subscription.deleted", "canceled"))
                .statusCode()).isEqualTo(200);
        assertThat(server.deliver(subscriptionEvent("evt_order_updated_" + sessionId, "customer.subscription.updated", "active"))
                .statusCode()).isEqualTo(200);

        assertThat(licences().bySubscription(subscriptionId).orElseThrow().status()).isEqualTo(SubscriptionStatus.CANCELED);
    }

    @Test
    void anUpdateIsReadFromStripeNotFromTheEvent() {
        server.deliver(checkoutCompleted("evt_reread_checkout_" + sessionId));
        Instant renewed = periodEnd.plus(Duration.ofDays(30));
        stripe.setSubscription(subscriptionId, "cus_x", "past_due", renewed);

        server.deliver(subscriptionEvent("evt_reread_updated_" + sessionId, "customer.subscription.updated", "active"));

        Licence licence = licences().bySubscription(subscriptionId).orElseThrow();
        assertThat(licence.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(licence.periodEnd()).isEqualTo(renewed);
    }

    @Test
    void reconciliationCatchesAMissedEvent() {
        server.deliver(checkoutCompleted("evt_missed_checkout_" + sessionId));
        stripe.setSubscription(subscriptionId, "cus_x", "canceled", periodEnd);

        int checked = server.licences().reconcile();

        assertThat(checked).isPositive();
        assertThat(licences().bySubscription(subscriptionId).orElseThrow().status()).isEqualTo(SubscriptionStatus.CANCELED);
    }

    @Test
    void whenStripeCannotBeReadTheEventIsNotRecordedSoStripeRetriesIt() {
        String payload = RunningLicenceServer.event("evt_unreadable_" + sessionId, "checkout.session.completed",
                "{\"id\":\"cs_test_missing\",\"object\":\"checkout.session\"}");

        HttpResponse<String> response = server.deliver(payload);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(licences().eventSeen("evt_unreadable_" + sessionId)).isFalse();
    }

    @Test
    void theSuccessPageShowsTheLicenceKeyEvenBeforeTheWebhook() {
        HttpResponse<String> page = server.get("/checkout/complete?session_id=" + sessionId);

        assertThat(page.statusCode()).isEqualTo(200);
        String key = licences().bySubscription(subscriptionId).orElseThrow().licenceId();
        assertThat(page.body()).contains("<code id=\"licence-key\">" + key + "</code>");
        assertThat(server.deliver(checkoutCompleted("evt_after_page_" + sessionId)).statusCode()).isEqualTo(200);
        assertThat(licences().bySubscription(subscriptionId).orElseThrow().licenceId()).isEqualTo(key);
    }

    @Test
    void unknownLicenceKeysAndMalformedInstallIdsAreRefusedClearly() {
        HttpResponse<String> unknown = server.postJson("/api/activate",
                "{\"licenceKey\":\"mssg-NOPE\",\"installId\":\"0123456789abcdef0123456789abcdef\"}");
        HttpResponse<String> badInstall = server.postJson("/api/checkout", "{\"installId\":\"not-an-id\"}");
        HttpResponse<String> notJson = server.postJson("/api/refresh", "{");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No licence with that key.");
        assertThat(badInstall.statusCode()).isEqualTo(400);
        assertThat(badInstall.body()).contains("installId");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }
}
