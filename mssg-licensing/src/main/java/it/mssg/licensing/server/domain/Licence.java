package it.mssg.licensing.server.domain;

import it.mssg.licensing.domain.InstallIds;
import it.mssg.licensing.domain.LicenceClaims;
import it.mssg.licensing.domain.SubscriptionStatus;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the licence server stores about one licence, and nothing more: its id (which is also the licence key the
 * user pastes), the Stripe customer and subscription ids, the status, the period end and an optional email.
 */
public record Licence(String licenceId, String customerId, String subscriptionId, SubscriptionStatus status,
                      Instant periodEnd, String email) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    public Licence {
        Objects.requireNonNull(licenceId, "licenceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(status, "status");
    }

    /** A new licence key: "mssg-" and 25 random characters (125 bits) that are easy to read and type. */
    public static String newLicenceId() {
        StringBuilder id = new StringBuilder("mssg-");
        for (int i = 0; i < 25; i++) {
            if (i > 0 && i % 5 == 0) {
                id.append('-');
            }
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    public static Licence from(CompletedCheckout checkout, String licenceId) {
        return new Licence(licenceId, checkout.customerId(), checkout.subscriptionId(), SubscriptionStatus.ACTIVE,
                null, checkout.email());
    }

    /**
     * The licence after Stripe's current view of its subscription. Stripe never revives a canceled subscription,
     * so a canceled licence stays canceled whatever order the events come in.
     */
    public Licence apply(SubscriptionSnapshot subscription) {
        if (!subscription.subscriptionId().equals(subscriptionId)) {
            throw new IllegalArgumentException("snapshot of another subscription");
        }
        SubscriptionStatus next = status == SubscriptionStatus.CANCELED ? SubscriptionStatus.CANCELED : subscription.status();
        return new Licence(licenceId, customerId, subscriptionId, next, subscription.periodEnd(), email);
    }

    /**
     * The claims of a token for this licence on one install. The token is valid until the paid period ends (a
     * past-due subscription goes straight to its grace period), then grace lasts {@code grace} longer.
     */
    public LicenceClaims claims(String plan, String installId, Instant now, Duration grace) {
        Instant end = periodEnd == null ? now : periodEnd;
        Instant validUntil = status == SubscriptionStatus.PAST_DUE && end.isAfter(now) ? now : end;
        return new LicenceClaims(licenceId, plan, status, validUntil, validUntil.plus(grace),
                InstallIds.hash(installId), now);
    }
}
