package it.mssg.licensing.server.domain;

import it.mssg.licensing.domain.SubscriptionStatus;

import java.time.Instant;
import java.util.Objects;

/** A subscription as Stripe reports it right now (always re-fetched, never taken from an event's payload). */
public record SubscriptionSnapshot(String subscriptionId, String customerId, SubscriptionStatus status, Instant periodEnd) {

    public SubscriptionSnapshot {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
    }
}
