package it.mssg.licensing.server.signing;

import it.mssg.licensing.domain.InstallIds;
import it.mssg.licensing.domain.LicenceClaims;
import it.mssg.licensing.domain.SubscriptionStatus;
import it.mssg.licensing.domain.TokenVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    private static final LicenceClaims CLAIMS = new LicenceClaims("mssg-AAAAA", "standard", SubscriptionStatus.ACTIVE,
            Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-08T00:00:00Z"),
            InstallIds.hash(InstallIds.newInstallId()), Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void aGeneratedKeyFileSignsTokensThePrintedPublicKeyAccepts(@TempDir Path folder) throws Exception {
        Path keyFile = folder.resolve("signing.pem");

        String publicKeyLine = SigningKeys.generateInto(keyFile, "mssg-2027-01");

        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String[] keyIdAndKey = publicKeyLine.split("=", 2);
        assertThat(keyIdAndKey[0]).isEqualTo("mssg-2027-01");
        TokenVerifier verifier = TokenVerifier.fromBase64Keys(Map.of(keyIdAndKey[0], keyIdAndKey[1]));
        String token = new TokenSigner("mssg-2027-01", SigningKeys.readPrivateKey(keyFile)).sign(CLAIMS);
        assertThat(verifier.verify(token)).contains(CLAIMS);
    }

    @Test
    void anExistingKeyFileIsNeverOverwritten(@TempDir Path folder) throws Exception {
        Path keyFile = folder.resolve("signing.pem");
        Files.writeString(keyFile, "keep me");

        assertThatThrownBy(() -> SigningKeys.generateInto(keyFile, "k")).isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(Files.readString(keyFile)).isEqualTo("keep me");
    }

    @Test
    void theKeyAlsoReadsAsPlainBase64ForEnvironmentVariables() {
        KeyPair pair = SigningKeys.generate();
        String base64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());

        assertThat(SigningKeys.parsePrivateKey(base64).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(SigningKeys.parsePrivateKey(SigningKeys.pem(pair.getPrivate())).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void somethingElseIsAClearError() {
        assertThatThrownBy(() -> SigningKeys.parsePrivateKey("not a key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8 Ed25519");
    }
}
