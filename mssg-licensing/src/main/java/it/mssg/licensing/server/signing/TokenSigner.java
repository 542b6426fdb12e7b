package it.mssg.licensing.server.signing;

import it.mssg.licensing.domain.LicenceClaims;
import it.mssg.licensing.domain.LicenceTokenFormat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/** Signs licence tokens with one Ed25519 private key, named by its key id so the app knows which public key to use. */
public class TokenSigner {

    private final String keyId;
    private final PrivateKey privateKey;

    public TokenSigner(String keyId, PrivateKey privateKey) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (!"Ed25519".equals(privateKey.getAlgorithm()) && !"EdDSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("the signing key must be an Ed25519 key");
        }
    }

    public String keyId() {
        return keyId;
    }

    public String sign(LicenceClaims claims) {
        String signingInput = LicenceTokenFormat.signingInput(keyId, claims);
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return LicenceTokenFormat.token(signingInput, ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a licence token", e);
        }
    }
}
