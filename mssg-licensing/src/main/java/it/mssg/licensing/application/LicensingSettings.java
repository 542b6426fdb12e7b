package it.mssg.licensing.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The licence client's settings.
 *
 * @param serverUrl      the vendor's licence server; when unset, buying and activating say so and nothing is sent
 * @param publicKeys     extra Ed25519 public keys (base64 X.509) by key id, besides the built-in ones
 * @param refreshInterval how often the token is refreshed while the app runs
 * @param requestTimeout how long one call to the licence server may take
 */
@ConfigurationProperties("mssg.licensing")
public record LicensingSettings(URI serverUrl, Map<String, String> publicKeys, Duration refreshInterval,
                                Duration requestTimeout) {

    public LicensingSettings {
        publicKeys = publicKeys == null ? Map.of() : Map.copyOf(publicKeys);
        refreshInterval = refreshInterval == null ? Duration.ofHours(6) : refreshInterval;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    }
}
