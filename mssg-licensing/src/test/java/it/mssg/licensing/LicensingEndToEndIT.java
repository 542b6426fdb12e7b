package it.mssg.licensing;

import it.mssg.licensing.api.Entitlements;
import it.mssg.licensing.api.Feature;
import it.mssg.licensing.api.LicenceState;
import it.mssg.licensing.api.LicenceView;
import it.mssg.licensing.api.Licensing;
import it.mssg.licensing.api.StoredDataView;
import it.mssg.licensing.server.FakeStripe;
import it.mssg.licensing.server.RunningLicenceServer;
import it.mssg.licensing.server.signing.SigningKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's licence client, the real licence server and a fake Stripe, all on localhost. */
class LicensingEndToEndIT {

    private final KeyPair signingKeys = SigningKeys.generate();
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private FakeStripe stripe;
    private RunningLicenceServer server;
    private ConfigurableApplicationContext app;
    private Licensing licensing;
    private Entitlements entitlements;

    @BeforeEach
    void start() throws Exception {
        stripe = new FakeStripe();
        server = new RunningLicenceServer(stripe, signingKeys);
        app = new SpringApplicationBuilder(ClientTestApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .properties(
                        "spring.main.web-application-type=none",
                        "spring.datasource.url=jdbc:h2:mem:app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "spring.flyway.locations=classpath:db/migration/licensing",
                        "mssg.licensing.server-url=" + server.url(),
                        "mssg.licensing.public-keys." + RunningLicenceServer.KEY_ID + "="
                                + Base64.getEncoder().encodeToString(signingKeys.getPublic().getEncoded()),
                        "mssg.licensing.refresh-interval=PT24H")
                .run();
        licensing = app.getBean(Licensing.class);
        entitlements = app.getBean(Entitlements.class);
    }

    @AfterEach
    void stop() {
        app.close();
        server.close();
        stripe.close();
    }

    /** Buys through Checkout, lets Stripe's webhook arrive, and activates the key from the success page. */
    private String buy(Instant periodEnd) {
        return buy(periodEnd, "active");
    }

    private String buy(Instant periodEnd, String stripeStatus) {
        URI checkout = licensing.startCheckout(Optional.of("buyer@example.com"));
        String sessionId = checkout.getPath().substring(checkout.getPath().lastIndexOf('/') + 1);
        stripe.completeCheckout(sessionId, "cus_e2e", "sub_e2e", stripeStatus, periodEnd);
        String completed = RunningLicenceServer.event("evt_checkout_" + sessionId, "checkout.session.completed",
                "{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\"}");
        assertThat(server.deliver(completed).statusCode()).isEqualTo(200);
        String page = server.get("/checkout/complete?session_id=" + sessionId).body();
        return page.replaceAll("(?s).*<code id=\"licence-key\">([^<]+)</code>.*", "$1");
    }

    private String stored(String name) {
        return licensing.storedData().storedHere().stream().filter(item -> item.name().equals(name))
                .findFirst().orElseThrow().value();
    }

    @Test
    void boughtLicenceIsActiveThenLastsOfflineThroughGraceUntilExpired() {
        assertThat(licensing.current().state()).isEqualTo(LicenceState.UNLICENSED);
        assertThat(entitlements.allows(Feature.AGENT_AUTO_MODE)).isFalse();
        assertThat(entitlements.allowsCampaignTo(Entitlements.FREE_CAMPAIGN_RECIPIENTS)).isTrue();
        assertThat(entitlements.allowsCampaignTo(Entitlements.FREE_CAMPAIGN_RECIPIENTS + 1)).isFalse();

        Instant periodEnd = clock.instant().plus(Duration.ofDays(30));
        String key = buy(periodEnd);

        FakeStripe.Request checkout = stripe.requests("POST", "/v1/checkout/sessions").get(0);
        assertThat(checkout.form()).containsEntry("mode", "subscription")
                .containsEntry("client_reference_id", stored("Install id"))
                .containsEntry("customer_email", "buyer@example.com");
        assertThat(stored("Email")).isEqualTo("buyer@example.com");

        LicenceView active = licensing.activate(key);
        assertThat(active.state()).isEqualTo(LicenceState.ACTIVE);
        assertThat(active.licenceId()).isEqualTo(key);
        assertThat(active.validUntil()).isEqualTo(periodEnd);
        assertThat(active.graceUntil()).isEqualTo(periodEnd.plus(Duration.ofDays(7)));
        assertThat(stored("Licence token")).startsWith("mssg1." + RunningLicenceServer.KEY_ID + ".");
        assertThat(stored("Licence id")).isEqualTo(key);
        assertThat(entitlements.allows(Feature.AGENT_AUTO_MODE)).isTrue();
        assertThat(entitlements.allowsCampaignTo(5_000)).isTrue();

        URI portal = licensing.manageBilling();
        assertThat(portal.toString()).startsWith("https://billing.stripe.test/");
        assertThat(stripe.requests("POST", "/v1/billing_portal/sessions").get(0).form()).containsEntry("customer", "cus_e2e");

        // The renewal arrives by webhook; the app picks it up with its next refresh.
        Instant renewedEnd = periodEnd.plus(Duration.ofDays(30));
        stripe.setSubscription("sub_e2e", "cus_e2e", "active", renewedEnd);
        assertThat(server.deliver(RunningLicenceServer.event("evt_renewed", "customer.subscription.updated",
                "{\"id\":\"sub_e2e\",\"object\":\"subscription\"}")).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        assertThat(licensing.refresh().validUntil()).isEqualTo(renewedEnd);

        // A clock turned back is noticed, and forgiven once the clock is right again.
        clock.advance(Duration.ofDays(-2));
        assertThat(licensing.current().state()).isEqualTo(LicenceState.INVALID);
        assertThat(entitlements.allows(Feature.AGENT_AUTO_MODE)).isFalse();
        clock.advance(Duration.ofDays(2));
        assertThat(licensing.current().state()).isEqualTo(LicenceState.ACTIVE);

        // A clock that once ran a year ahead makes today look rolled back, until the licence server vouches for the time.
        Instant today = clock.instant();
        clock.advance(Duration.ofDays(365));
        licensing.current();
        clock.set(today);
        assertThat(licensing.current().state()).isEqualTo(LicenceState.INVALID);
        assertThat(licensing.refresh().state()).isEqualTo(LicenceState.ACTIVE);
        assertThat(licensing.current().state()).isEqualTo(LicenceState.ACTIVE);

        server.close();

        clock.set(renewedEnd.minusSeconds(1));
        assertThat(licensing.refresh().state()).isEqualTo(LicenceState.ACTIVE);
        assertThat(entitlements.allows(Feature.LARGE_CAMPAIGNS)).isTrue();

        clock.set(renewedEnd);
        assertThat(licensing.refresh().state()).isEqualTo(LicenceState.GRACE);
        assertThat(entitlements.allows(Feature.AGENT_AUTO_MODE)).isTrue();

        clock.set(renewedEnd.plus(Duration.ofDays(7)).minusSeconds(1));
        assertThat(licensing.refresh().state()).isEqualTo(LicenceState.GRACE);

        clock.set(renewedEnd.plus(Duration.ofDays(7)));
        assertThat(licensing.refresh().state()).isEqualTo(LicenceState.EXPIRED);
        assertThat(entitlements.allows(Feature.AGENT_AUTO_MODE)).isFalse();
        assertThat(entitlements.allows(Feature.LARGE_CAMPAIGNS)).isFalse();
        // Only the listed features close: small campaigns still start, and the stored data stays readable.
        assertThat(entitlements.allowsCampaignTo(Entitlements.FREE_CAMPAIGN_RECIPIENTS)).isTrue();
        assertThat(stored("Licence id")).isEqualTo(key);
    }

    @Test
    void aCanceledSubscriptionReachesTheAppOnItsNextRefresh() {
        Instant periodEnd = clock.instant().plus(Duration.ofDays(30));
        licensing.activate(buy(periodEnd));
        stripe.setSubscription("sub_e2e", "cus_e2e", "canceled", periodEnd);
        server.deliver(RunningLicenceServer.event("evt_deleted", "customer.subscription.deleted",
                "{\"id\":\"sub_e2e\",\"object\":\"subscription\"}"));

        clock.advance(Duration.ofHours(1));
        LicenceView canceled = licensing.refresh();

        assertThat(canceled.state()).isEqualTo(LicenceState.CANCELED);
        assertThat(canceled.features()).allSatisfy(feature -> assertThat(feature.open()).isFalse());
    }

    @Test
    void aTrialSubscriptionIsATrialWithTheLicensedFeatures() {
        Instant trialEnd = clock.instant().plus(Duration.ofDays(14));

        LicenceView trial = licensing.activate(buy(trialEnd, "trialing"));

        assertThat(trial.state()).isEqualTo(LicenceState.TRIAL);
        assertThat(trial.validUntil()).isEqualTo(trialEnd);
        assertThat(entitlements.allows(Feature.LARGE_CAMPAIGNS)).isTrue();
    }

    @Test
    void aWrongKeyIsRefusedAndChangesNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> licensing.activate("mssg-WRONG-WRONG"))
                .isInstanceOf(it.mssg.licensing.api.LicensingException.class)
                .hasMessage("No licence with that key.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> licensing.activate("<script>"))
                .isInstanceOf(it.mssg.licensing.api.LicensingException.class);

        assertThat(licensing.current().state()).isEqualTo(LicenceState.UNLICENSED);
        assertThat(stored("Licence token")).isNull();
    }
}
