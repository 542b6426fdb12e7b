package it.mssg.licensing.application;

import it.mssg.licensing.domain.TokenVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The vendor's public keys shipped with the app ({@code licence-public-keys.properties}: key id = base64 X.509),
 * plus any configured in {@code mssg.licensing.public-keys}. Several keys let the vendor rotate the signing key.
 */
final class BuiltInKeys {

    static final String RESOURCE = "/it/mssg/licensing/application/licence-public-keys.properties";

    private BuiltInKeys() {
    }

    static TokenVerifier verifier(LicensingSettings settings) {
        Map<String, String> keys = new HashMap<>(builtIn());
        keys.putAll(settings.publicKeys());
        return TokenVerifier.fromBase64Keys(keys);
    }

    static Map<String, String> builtIn() {
        Properties properties = new Properties();
        try (InputStream in = BuiltInKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> keys = new HashMap<>();
        properties.stringPropertyNames().forEach(keyId -> keys.put(keyId, properties.getProperty(keyId)));
        return keys;
    }
}
