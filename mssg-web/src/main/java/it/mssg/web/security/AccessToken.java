package it.mssg.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that opens the dashboard and the REST API. It lives in {@code <data-dir>/access-token}
 * (32 random bytes, base64url, readable only by the owner) and is compared in constant time.
 */
public final class AccessToken {

    public static final String FILE_NAME = "access-token";
    private static final int MIN_LENGTH = 32;

    private final String value;

    public AccessToken(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("An access token needs at least " + MIN_LENGTH + " characters");
        }
        this.value = value;
    }

    /** Reads the token file, creating it with a fresh random token when it is missing or unusable. */
    public static AccessToken loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (stored.length() >= MIN_LENGTH && stored.matches("[A-Za-z0-9_-]+")) {
                    return new AccessToken(stored);
                }
                Files.delete(file);
            }
            AccessToken token = random();
            writeOwnerOnly(file, token.value);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the access token " + file, e);
        }
    }

    static AccessToken random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            // another start created it a moment ago: overwrite with ours, permissions stay as created
        }
        Files.writeString(file, content + "\n", StandardCharsets.US_ASCII);
    }

    /** Constant-time comparison, so the time taken says nothing about how much of a guess was right. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }
}
