package it.mssg.licensing.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Map;

/** Signs tokens in tests with a key pair made for the test; the real signer lives in the licence server. */
final class TestTokens {

    static final String KEY_ID = "test-key";

    private TestTokens() {
    }

    static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(KeyPair keys, String keyId, LicenceClaims claims) {
        String input = LicenceTokenFormat.signingInput(keyId, claims);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return LicenceTokenFormat.token(input, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static TokenVerifier verifier(KeyPair keys) {
        return new TokenVerifier(Map.of(KEY_ID, keys.getPublic()));
    }
}
