package it.mssg.web.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void isCreatedOnceAsOwnerOnlyBase64UrlOf32Bytes() throws Exception {
        AccessToken first = AccessToken.loadOrCreate(dataDir.resolve("nested"));
        Path file = dataDir.resolve("nested").resolve(AccessToken.FILE_NAME);
        assertThat(first.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AccessToken.loadOrCreate(dataDir.resolve("nested")).value()).isEqualTo(first.value());
        assertThat(AccessToken.loadOrCreate(dataDir).value()).isNotEqualTo(first.value());
    }

    @Test
    void anUnusableFileIsReplaced() throws Exception {
        Files.writeString(dataDir.resolve(AccessToken.FILE_NAME), "short\n");
        AccessToken token = AccessToken.loadOrCreate(dataDir);
        assertThat(token.value()).hasSize(43);
        assertThat(Files.readString(dataDir.resolve(AccessToken.FILE_NAME)).strip()).isEqualTo(token.value());
    }

    @Test
    void matchesOnlyTheExactToken() {
        AccessToken token = new AccessToken("a".repeat(43));
        assertThat(token.matches("a".repeat(43))).isTrue();
        assertThat(token.matches("a".repeat(42))).isFalse();
        assertThat(token.matches("a".repeat(42) + "b")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString()).doesNotContain("aaaa");
        assertThatThrownBy(() -> new AccessToken("too-short")).isInstanceOf(IllegalArgumentException.class);
    }
}
