package it.mssg.licensing.domain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Checks licence tokens offline against the vendor's Ed25519 public keys, by key id. */
public final class TokenVerifier {

    private final Map<String, PublicKey> keysById;

    public TokenVerifier(Map<String, PublicKey> keysById) {
        this.keysById = Map.copyOf(keysById);
    }

    /** A verifier for keys given as base64 X.509 (SubjectPublicKeyInfo) encodings, by key id. */
    public static TokenVerifier fromBase64Keys(Map<String, String> base64KeysById) {
        Map<String, PublicKey> keys = new java.util.HashMap<>();
        base64KeysById.forEach((keyId, base64) -> keys.put(keyId, publicKey(base64)));
        return new TokenVerifier(keys);
    }

    public static PublicKey publicKey(String base64X509) {
        try {
            byte[] encoded = Base64.getDecoder().decode(base64X509.strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 Ed25519 public key", e);
        }
    }

    public java.util.Set<String> keyIds() {
        return keysById.keySet();
    }

    /** The token's claims when it is well formed and signed by one of our keys; empty otherwise. */
    public Optional<LicenceClaims> verify(String token) {
        return LicenceTokenFormat.split(token).flatMap(parts -> {
            PublicKey key = keysById.get(parts.keyId());
            if (key == null || !signatureMatches(key, parts)) {
                return Optional.empty();
            }
            return LicenceTokenFormat.parseClaims(parts.payload());
        });
    }

    private static boolean signatureMatches(PublicKey key, LicenceTokenFormat.Parts parts) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(parts.signingInput());
            return ed25519.verify(parts.signature());
        } catch (GeneralSecurityException badSignatureBytes) {
            return false;
        }
    }
}
