package it.mssg.licensing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the licence client keeps on this machine: the install id, the latest token with its licence id and
 * subscription status, the optional email the user gave, the latest time seen (to notice a clock rolled back) and
 * when the token was last refreshed. Nullable fields are not set yet.
 */
public record StoredLicence(String installId, String token, String licenceId, String status, String email,
                            Instant lastSeenAt, Instant lastRefreshedAt) {

    public StoredLicence {
        Objects.requireNonNull(installId, "installId");
    }

    public static StoredLicence fresh(String installId) {
        return new StoredLicence(installId, null, null, null, null, null, null);
    }

    public Optional<String> optionalToken() {
        return Optional.ofNullable(token);
    }

    /** The same record having seen {@code now}; the latest seen time only moves forward. */
    public StoredLicence seenAt(Instant now) {
        Instant latest = lastSeenAt == null || now.isAfter(lastSeenAt) ? now : lastSeenAt;
        return new StoredLicence(installId, token, licenceId, status, email, latest, lastRefreshedAt);
    }

    /**
     * The record holding a fresh token from the licence server. The latest seen time starts over at {@code now}: the
     * token's signed issue time already vouches for the clock, and a clock that once ran ahead must not lock the
     * licence until that future date.
     */
    public StoredLicence withToken(String newToken, LicenceClaims claims, Instant now) {
        return new StoredLicence(installId, newToken, claims.licenceId(), claims.status().name(), email, now, now);
    }

    /** The record as it would be with this token and no history of seen times; for checking a fresh token. */
    public StoredLicence candidate(String newToken) {
        return new StoredLicence(installId, newToken, null, null, email, null, lastRefreshedAt);
    }

    public StoredLicence withEmail(String newEmail) {
        return new StoredLicence(installId, token, licenceId, status, newEmail, lastSeenAt, lastRefreshedAt);
    }
}
