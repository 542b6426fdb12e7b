package it.mssg.licensing.domain;

import it.mssg.licensing.api.LicenceState;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The licence state as a pure function of the stored token, this install's id, the current time and the
 * latest time this install has seen. Nothing here goes online: the app keeps working offline until the token's
 * grace period ends.
 */
public final class LicenceStateRules {

    /** How far the clock may step back (time sync, DST mistakes) before we call it rolled back. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

    private LicenceStateRules() {
    }

    public static Evaluation evaluate(Optional<String> token, String installId, Instant now, Instant lastSeen,
                                      TokenVerifier verifier) {
        if (token.isEmpty() || token.get().isBlank()) {
            return new Evaluation(LicenceState.UNLICENSED, Optional.empty(), "No licence stored.");
        }
        Optional<LicenceClaims> verified = verifier.verify(token.get());
        if (verified.isEmpty()) {
            return new Evaluation(LicenceState.INVALID, Optional.empty(), "The licence token's signature does not check out.");
        }
        LicenceClaims claims = verified.get();
        Optional<LicenceClaims> known = Optional.of(claims);
        if (installId == null || !claims.installHash().equals(InstallIds.hash(installId))) {
            return new Evaluation(LicenceState.INVALID, known, "The licence token was made for another installation.");
        }
        Instant latestKnown = lastSeen == null || lastSeen.isBefore(claims.issuedAt()) ? claims.issuedAt() : lastSeen;
        if (now.isBefore(latestKnown.minus(CLOCK_TOLERANCE))) {
            return new Evaluation(LicenceState.INVALID, known, "The computer's clock is earlier than a time it already saw.");
        }
        if (claims.status() == SubscriptionStatus.CANCELED) {
            return new Evaluation(LicenceState.CANCELED, known, "The subscription was canceled.");
        }
        if (now.isBefore(claims.validUntil())) {
            return claims.status() == SubscriptionStatus.TRIALING
                    ? new Evaluation(LicenceState.TRIAL, known, "Trial subscription.")
                    : new Evaluation(LicenceState.ACTIVE, known, "Subscription active.");
        }
        if (now.isBefore(claims.graceUntil())) {
            return new Evaluation(LicenceState.GRACE, known, "The licence could not be renewed yet; licensed features stay open until the grace period ends.");
        }
        return new Evaluation(LicenceState.EXPIRED, known, "The licence and its grace period have ended.");
    }

    /** The state, the verified claims when there are any, and a sentence for the user. */
    public record Evaluation(LicenceState state, Optional<LicenceClaims> claims, String reason) {
    }
}
