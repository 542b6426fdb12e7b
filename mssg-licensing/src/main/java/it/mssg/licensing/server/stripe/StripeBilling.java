package it.mssg.licensing.server.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.stripe.param.checkout.SessionCreateParams;
import it.mssg.licensing.domain.SubscriptionStatus;
import it.mssg.licensing.server.domain.CompletedCheckout;
import it.mssg.licensing.server.domain.SubscriptionSnapshot;
import it.mssg.licensing.server.domain.WebhookEvent;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Stripe as the licence server uses it. Stripe's own failures become {@link StripeUnavailableException}. */
public class StripeBilling {

    private final StripeClient stripe;
    private final String priceId;
    private final String webhookSecret;
    private final Duration webhookTolerance;
    private final Clock clock;

    public StripeBilling(StripeClient stripe, String priceId, String webhookSecret, Duration webhookTolerance, Clock clock) {
        this.stripe = Objects.requireNonNull(stripe);
        this.priceId = priceId;
        this.webhookSecret = webhookSecret;
        this.webhookTolerance = webhookTolerance;
        this.clock = clock;
    }

    /** A client for the real Stripe API, or for {@code apiBase} (a local fake in tests) when given. */
    public static StripeClient client(String secretKey, String apiBase) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(secretKey).setMaxNetworkRetries(2);
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        return builder.build();
    }

    /**
     * A Checkout session in subscription mode for one install; the email is prefilled when the user gave one, and a
     * trial is offered when {@code trialDays} is above zero.
     */
    public URI startCheckout(String installId, Optional<String> email, int trialDays, String successUrl, String cancelUrl) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setClientReferenceId(installId)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl);
        email.ifPresent(params::setCustomerEmail);
        if (trialDays > 0) {
            params.setSubscriptionData(SessionCreateParams.SubscriptionData.builder().setTrialPeriodDays((long) trialDays).build());
        }
        return URI.create(call(() -> stripe.v1().checkout().sessions().create(params.build())).getUrl());
    }

    /** A Customer Portal session where the customer manages their subscription. */
    public URI openPortal(String customerId, String returnUrl) {
        com.stripe.param.billingportal.SessionCreateParams params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId).setReturnUrl(returnUrl).build();
        return URI.create(call(() -> stripe.v1().billingPortal().sessions().create(params)).getUrl());
    }

    /** The Checkout session as Stripe has it now; empty while it has no subscription (not paid yet). */
    public Optional<CompletedCheckout> completedCheckout(String sessionId) {
        Session session = call(() -> stripe.v1().checkout().sessions().retrieve(sessionId));
        if (session.getSubscription() == null || session.getCustomer() == null) {
            return Optional.empty();
        }
        String email = session.getCustomerDetails() != null && session.getCustomerDetails().getEmail() != null
                ? session.getCustomerDetails().getEmail() : session.getCustomerEmail();
        return Optional.of(new CompletedCheckout(session.getId(), session.getCustomer(), session.getSubscription(), email));
    }

    /** The subscription as Stripe has it now. The period end is on its items in this API version. */
    public SubscriptionSnapshot subscription(String subscriptionId) {
        Subscription subscription = call(() -> stripe.v1().subscriptions().retrieve(subscriptionId));
        Instant periodEnd = subscription.getItems() == null ? null : subscription.getItems().getData().stream()
                .map(SubscriptionItem::getCurrentPeriodEnd)
                .filter(Objects::nonNull)
                .max(Long::compare)
                .map(Instant::ofEpochSecond)
                .orElse(null);
        return new SubscriptionSnapshot(subscription.getId(), subscription.getCustomer(),
                SubscriptionStatus.fromStripe(subscription.getStatus()), periodEnd);
    }

    /**
     * Checks the {@code Stripe-Signature} header over the raw body (timestamp within the tolerance) and returns the
     * event's id, type and object id. Throws {@link InvalidWebhookException} when anything does not check out.
     */
    public WebhookEvent verifiedEvent(String rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhookException("missing Stripe-Signature header");
        }
        Event event;
        try {
            event = Webhook.constructEvent(rawBody, signatureHeader, webhookSecret, webhookTolerance.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException("signature check failed: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidWebhookException("not a Stripe event");
        }
        String objectId = null;
        if (event.getDataObjectDeserializer() != null && event.getDataObjectDeserializer().getRawJson() != null) {
            objectId = JsonMapper.shared().readTree(event.getDataObjectDeserializer().getRawJson()).path("id").asString(null);
        }
        if (event.getId() == null || event.getType() == null) {
            throw new InvalidWebhookException("event without id or type");
        }
        return new WebhookEvent(event.getId(), event.getType(), objectId);
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw new StripeUnavailableException("Stripe request failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
