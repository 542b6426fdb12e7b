package it.mssg.licensing.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a licence token says. {@code installHash} is {@link InstallIds#hash} of the install the token was made
 * for, so a token copied to another machine does not work there and the server never needs the raw id stored.
 */
public record LicenceClaims(String licenceId, String plan, SubscriptionStatus status, Instant validUntil,
                            Instant graceUntil, String installHash, Instant issuedAt) {

    public LicenceClaims {
        requireToken(licenceId, "licenceId");
        requireToken(plan, "plan");
        requireToken(installHash, "installHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(graceUntil, "graceUntil");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (graceUntil.isBefore(validUntil)) {
            throw new IllegalArgumentException("graceUntil must not be before validUntil");
        }
    }

    private static void requireToken(String value, String name) {
        if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(name + " must be letters, digits, '-' or '_'");
        }
    }
}
