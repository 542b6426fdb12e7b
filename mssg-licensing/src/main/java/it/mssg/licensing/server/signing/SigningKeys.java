package it.mssg.licensing.server.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads and makes Ed25519 signing keys. A private key is PKCS#8, either PEM ({@code -----BEGIN PRIVATE KEY-----})
 * or plain base64; it lives in a file or an environment variable, never in the repository.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    public static PrivateKey readPrivateKey(Path file) {
        try {
            return parsePrivateKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file " + file, e);
        }
    }

    public static PrivateKey parsePrivateKey(String pemOrBase64) {
        String base64 = pemOrBase64.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key", e);
        }
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    public static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * Writes a new private key to {@code privateKeyFile} (owner-only where the file system allows) and returns the
     * line to add to the app's {@code licence-public-keys.properties}.
     */
    public static String generateInto(Path privateKeyFile, String keyId) {
        KeyPair pair = generate();
        try {
            Files.writeString(privateKeyFile, pem(pair.getPrivate()), StandardCharsets.US_ASCII,
                    java.nio.file.StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the folder's permissions.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + privateKeyFile, e);
        }
        return keyId + "=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }
}
