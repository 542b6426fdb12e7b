package it.mssg.core.application;

import it.mssg.core.api.Acknowledgement;
import it.mssg.core.api.AcknowledgementView;
import it.mssg.core.api.DataLocationView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.RegionView;
import it.mssg.core.api.SettingsApi;
import it.mssg.core.api.SettingsView;
import it.mssg.core.domain.PhoneNumbers;
import it.mssg.core.store.SettingStore;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Service
@Transactional
class SettingsService implements SettingsApi {

    static final String DEFAULT_REGION = "core.default-region";
    static final String ACK_VERSION = "core.ack.terms-version";
    static final String ACK_AT = "core.ack.accepted-at";
    static final String FALLBACK_REGION = "IT";

    private final SettingStore store;
    private final CoreProperties properties;
    private final Environment environment;
    private final DataSource dataSource;
    private final CoreClock clock;

    // settings are read from the database each time (a primary-key lookup): no cache to go stale
    private volatile DataLocationView dataLocation;

    SettingsService(SettingStore store, CoreProperties properties, Environment environment, DataSource dataSource, CoreClock clock) {
        this.store = store;
        this.properties = properties;
        this.environment = environment;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The region used for numbers without {@code +}: the user's choice, else the configured one, else the locale's, else IT. */
    @Transactional(readOnly = true)
    public String defaultRegion() {
        return store.get(DEFAULT_REGION).filter(PhoneNumbers::isSupportedRegion).orElseGet(this::configuredRegion);
    }

    private String configuredRegion() {
        String p = properties.defaultRegion() == null ? "" : properties.defaultRegion().strip().toUpperCase(Locale.ROOT);
        if (PhoneNumbers.isSupportedRegion(p)) return p;
        String country = Locale.getDefault().getCountry();
        return PhoneNumbers.isSupportedRegion(country) ? country : FALLBACK_REGION;
    }

    @Override
    @Transactional(readOnly = true)
    public SettingsView get() {
        String region = defaultRegion();
        return new SettingsView(region, region(region), properties.termsVersion(), acknowledgement(), dataLocation());
    }

    @Override
    public List<RegionView> regions() {
        return PhoneNumbers.regions().stream().map(r -> new RegionView(r.code(), r.name(), r.callingCode())).toList();
    }

    @Override
    public SettingsView setDefaultRegion(String regionCode) {
        String code = regionCode == null ? "" : regionCode.strip().toUpperCase(Locale.ROOT);
        InvalidInputException.require(PhoneNumbers.isSupportedRegion(code), "defaultRegion", "unknown country code: " + regionCode);
        store.put(DEFAULT_REGION, code, clock.instant());
        return get();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean acknowledged() {
        AcknowledgementView a = acknowledgement();
        return a != null && properties.termsVersion().equals(a.termsVersion());
    }

    @Override
    public AcknowledgementView acknowledge(Acknowledgement acknowledgement) {
        InvalidInputException.require(properties.termsVersion().equals(acknowledgement.termsVersion()), "termsVersion",
                "these terms are not the current ones (version " + properties.termsVersion() + "); reload the page to read them");
        Instant now = clock.instant();
        store.put(ACK_VERSION, acknowledgement.termsVersion(), now);
        store.put(ACK_AT, now.toString(), now);
        return new AcknowledgementView(acknowledgement.termsVersion(), now);
    }

    private AcknowledgementView acknowledgement() {
        return store.get(ACK_VERSION).flatMap(v -> store.get(ACK_AT).map(at -> new AcknowledgementView(v, Instant.parse(at))))
                .orElse(null);
    }

    private static RegionView region(String code) {
        return new RegionView(code, PhoneNumbers.regionName(code), PhoneNumbers.callingCode(code));
    }

    private DataLocationView dataLocation() {
        DataLocationView d = dataLocation;
        if (d == null) {
            String dir = environment.getProperty("mssg.data-dir");
            String abs = dir == null ? null : Path.of(dir).toAbsolutePath().normalize().toString();
            String url = null, product = null;
            try (Connection c = dataSource.getConnection()) {
                url = c.getMetaData().getURL();
                product = c.getMetaData().getDatabaseProductName();
            } catch (Exception e) {
                // shown as unknown
            }
            if (url != null) url = url.replaceAll("(?i)(password|user)=[^;&]*[;&]?", "");
            d = new DataLocationView(abs, url, product);
            dataLocation = d;
        }
        return d;
    }
}
