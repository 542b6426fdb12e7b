package it.mssg.web.e2e;

import it.mssg.licensing.domain.InstallIds;
import it.mssg.licensing.domain.LicenceClaims;
import it.mssg.licensing.domain.LicenceTokenFormat;
import it.mssg.licensing.domain.SubscriptionStatus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A licence for a drill's app, as the licence server would issue it: signed with a key made for this test run,
 * which the app trusts through {@code --mssg.licensing.public-keys.<id>} (the setting for extra keys), and stored
 * in the app's database while the app is stopped. Nothing in the app is bypassed: it verifies the token as any.
 */
final class DrillLicence {

    static final String KEY_ID = "drill-key";
    private static final KeyPair KEYS = keyPair();

    private DrillLicence() {
    }

    static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** Writes an active licence for this data folder's install into its H2 database; the app must not be running. */
    static void install(Path dataDir) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("mssg") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "mssg", "")) {
            String installId = null;
            try (ResultSet r = c.createStatement().executeQuery("select install_id from licence_client where id = 1")) {
                if (r.next()) {
                    installId = r.getString(1);
                }
            }
            if (installId == null) {
                installId = "drill-install-" + System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement("insert into licence_client (id, install_id) values (1, ?)")) {
                    insert.setString(1, installId);
                    insert.executeUpdate();
                }
            }
            Instant now = Instant.now();
            LicenceClaims claims = new LicenceClaims("drill-licence", "pro", SubscriptionStatus.ACTIVE,
                    now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(37)), InstallIds.hash(installId), now);
            try (PreparedStatement update = c.prepareStatement("update licence_client set licence_token = ?, licence_id = ?,"
                    + " licence_status = 'ACTIVE' where id = 1")) {
                update.setString(1, sign(claims));
                update.setString(2, claims.licenceId());
                update.executeUpdate();
            }
        }
    }

    private static String sign(LicenceClaims claims) throws GeneralSecurityException {
        String input = LicenceTokenFormat.signingInput(KEY_ID, claims);
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(KEYS.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return LicenceTokenFormat.token(input, signature.sign());
    }

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
