package it.mssg.licensing.domain;

import java.util.Locale;

/** The subscription status a licence token carries, reduced from Stripe's statuses to what the app acts on. */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAST_DUE, CANCELED;

    /**
     * Maps a Stripe subscription status. Statuses that never got paid (incomplete, incomplete_expired, unpaid,
     * paused) grant nothing, like a canceled one.
     */
    public static SubscriptionStatus fromStripe(String stripeStatus) {
        return switch (stripeStatus == null ? "" : stripeStatus.toLowerCase(Locale.ROOT)) {
            case "trialing" -> TRIALING;
            case "active" -> ACTIVE;
            case "past_due" -> PAST_DUE;
            default -> CANCELED;
        };
    }
}
