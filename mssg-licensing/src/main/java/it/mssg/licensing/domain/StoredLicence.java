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

    public StoredLicence withToken(String newToken, LicenceClaims claims, Instant now) {
        return new StoredLicence(installId, newToken, claims.licenceId(), claims.status().name(), email, lastSeenAt, now)
                .seenAt(now);
    }

    public StoredLicence withEmail(String newEmail) {
        return new StoredLicence(installId, token, licenceId, status, newEmail, lastSeenAt, lastRefreshedAt);
    }
}
