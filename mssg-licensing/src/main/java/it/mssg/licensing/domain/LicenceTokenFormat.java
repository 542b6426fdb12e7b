package it.mssg.licensing.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The licence token's text form: {@code mssg1.<key id>.<payload>.<signature>}, both base64url without padding.
 * The payload is fixed-order {@code name=value} lines, so there is exactly one encoding of a set of claims.
 * The Ed25519 signature covers {@code mssg1.<key id>.<payload>}; the key id lets the vendor rotate keys while
 * older tokens stay checkable.
 */
public final class LicenceTokenFormat {

    static final String VERSION = "mssg1";
    private static final List<String> FIELDS =
            List.of("licence", "plan", "status", "valid-until", "grace-until", "install", "issued");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private LicenceTokenFormat() {
    }

    /** The signed part of a token for these claims. */
    public static String signingInput(String keyId, LicenceClaims claims) {
        if (keyId == null || !keyId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("key id must be letters, digits, '-' or '_'");
        }
        String payload = "licence=" + claims.licenceId() + "\n"
                + "plan=" + claims.plan() + "\n"
                + "status=" + claims.status().name() + "\n"
                + "valid-until=" + claims.validUntil().getEpochSecond() + "\n"
                + "grace-until=" + claims.graceUntil().getEpochSecond() + "\n"
                + "install=" + claims.installHash() + "\n"
                + "issued=" + claims.issuedAt().getEpochSecond() + "\n";
        return VERSION + "." + keyId + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The whole token: the signed part and its signature. */
    public static String token(String signingInput, byte[] signature) {
        return signingInput + "." + ENCODER.encodeToString(signature);
    }

    /** The parts of a token, not yet checked; empty when it is not shaped like a token at all. */
    public static Optional<Parts> split(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(parts[2]);
            byte[] signature = DECODER.decode(parts[3]);
            String signingInput = parts[0] + "." + parts[1] + "." + parts[2];
            return Optional.of(new Parts(parts[1], signingInput.getBytes(StandardCharsets.US_ASCII), payload, signature));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Parses a payload whose signature has been checked; empty when a field is missing, repeated or malformed. */
    static Optional<LicenceClaims> parseClaims(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            int equals = line.indexOf('=');
            if (equals <= 0 || values.put(line.substring(0, equals), line.substring(equals + 1)) != null) {
                return Optional.empty();
            }
        }
        if (!List.copyOf(values.keySet()).equals(FIELDS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LicenceClaims(values.get("licence"), values.get("plan"),
                    SubscriptionStatus.valueOf(values.get("status")),
                    Instant.ofEpochSecond(Long.parseLong(values.get("valid-until"))),
                    Instant.ofEpochSecond(Long.parseLong(values.get("grace-until"))),
                    values.get("install"),
                    Instant.ofEpochSecond(Long.parseLong(values.get("issued")))));
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            return Optional.empty();
        }
    }

    /** A token cut into its parts. */
    public record Parts(String keyId, byte[] signingInput, byte[] payload, byte[] signature) {
    }
}
