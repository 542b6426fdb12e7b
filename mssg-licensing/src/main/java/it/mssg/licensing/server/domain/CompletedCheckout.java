package it.mssg.licensing.server.domain;

/** A finished Checkout session as re-fetched from Stripe; {@code email} may be null. */
public record CompletedCheckout(String sessionId, String customerId, String subscriptionId, String email) {
}
