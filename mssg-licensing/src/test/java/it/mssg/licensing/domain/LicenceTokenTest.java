package it.mssg.licensing.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LicenceTokenTest {

    private static final KeyPair KEYS = TestTokens.keyPair();
    private static final String INSTALL = InstallIds.newInstallId();
    private static final LicenceClaims CLAIMS = new LicenceClaims("mssg-ABCDE-FGHJK", "standard", SubscriptionStatus.ACTIVE,
            Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-08T00:00:00Z"), InstallIds.hash(INSTALL),
            Instant.parse("2026-12-01T00:00:00Z"));

    private final TokenVerifier verifier = TestTokens.verifier(KEYS);

    @Test
    void roundTrip() {
        String token = TestTokens.sign(KEYS, TestTokens.KEY_ID, CLAIMS);

        assertThat(token).startsWith("mssg1.test-key.");
        assertThat(verifier.verify(token)).contains(CLAIMS);
    }

    @Test
    void everyFlippedPayloadByteIsRejected() {
        String[] parts = TestTokens.sign(KEYS, TestTokens.KEY_ID, CLAIMS).split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[2]);

        IntStream.range(0, payload.length).forEach(i -> {
            byte[] flipped = payload.clone();
            flipped[i] ^= 0x01;
            String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(flipped)
                    + "." + parts[3];
            assertThat(verifier.verify(tampered)).as("payload byte %d flipped", i).isEmpty();
        });
    }

    @Test
    void everyFlippedSignatureByteIsRejected() {
        String[] parts = TestTokens.sign(KEYS, TestTokens.KEY_ID, CLAIMS).split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[3]);

        IntStream.range(0, signature.length).forEach(i -> {
            byte[] flipped = signature.clone();
            flipped[i] ^= (byte) 0x80;
            String tampered = parts[0] + "." + parts[1] + "." + parts[2] + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
            assertThat(verifier.verify(tampered)).as("signature byte %d flipped", i).isEmpty();
        });
    }

    @Test
    void everyFlippedCharacterOfTheTokenTextIsRejectedOrHarmless() {
        String token = TestTokens.sign(KEYS, TestTokens.KEY_ID, CLAIMS);
        byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);

        IntStream.range(0, bytes.length).forEach(i -> {
            byte[] flipped = bytes.clone();
            flipped[i] ^= 0x01;
            // base64 text may carry unused low bits in a segment's last character; then the decoded bytes are the same.
            assertThat(verifier.verify(new String(flipped, StandardCharsets.US_ASCII)))
                    .as("character %d flipped", i).satisfiesAnyOf(
                            claims -> assertThat(claims).isEmpty(),
                            claims -> assertThat(claims).contains(CLAIMS));
        });
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() {
        String forged = TestTokens.sign(TestTokens.keyPair(), TestTokens.KEY_ID, CLAIMS);

        assertThat(verifier.verify(forged)).isEmpty();
    }

    @Test
    void theKeyIdPicksTheKeySoKeysCanRotate() {
        KeyPair next = TestTokens.keyPair();
        TokenVerifier both = new TokenVerifier(Map.of(TestTokens.KEY_ID, KEYS.getPublic(), "next-key", next.getPublic()));

        assertThat(both.verify(TestTokens.sign(KEYS, TestTokens.KEY_ID, CLAIMS))).contains(CLAIMS);
        assertThat(both.verify(TestTokens.sign(next, "next-key", CLAIMS))).contains(CLAIMS);
        assertThat(both.verify(TestTokens.sign(next, TestTokens.KEY_ID, CLAIMS))).isEmpty();
        assertThat(verifier.verify(TestTokens.sign(next, "next-key", CLAIMS))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "mssg1.test-key.e30", "mssg1.test-key.!!!.!!!", "mssg2.test-key.e30.e30",
            "mssg1..e30.e30", "mssg1.test-key.e30.e30.e30"})
    void malformedTokensAreRejected(String token) {
        assertThat(verifier.verify(token)).isEmpty();
    }

    @Test
    void aSignedPayloadWithAnExtraFieldIsRejected() {
        String input = LicenceTokenFormat.signingInput(TestTokens.KEY_ID, CLAIMS);
        String[] parts = input.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8) + "extra=1\n";
        String forgedInput = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8));

        assertThat(LicenceTokenFormat.parseClaims(payload.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(verifier.verify(forgedInput + ".AAAA")).isEmpty();
    }
}
