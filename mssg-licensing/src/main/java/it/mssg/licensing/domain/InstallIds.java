package it.mssg.licensing.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Install ids: random per installation; only their hash ever goes into a licence token. */
public final class InstallIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallIds() {
    }

    /** A new random install id (128 bits, hex). */
    public static String newInstallId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static boolean isWellFormed(String installId) {
        return installId != null && installId.matches("[0-9a-f]{32}");
    }

    /** SHA-256 of the install id, hex. */
    public static String hash(String installId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(installId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
