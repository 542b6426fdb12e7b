package it.mssg.licensing.application;

import it.mssg.licensing.api.Entitlements;
import it.mssg.licensing.api.Feature;
import it.mssg.licensing.api.LicenceState;
import it.mssg.licensing.api.LicenceView;
import it.mssg.licensing.api.Licensing;
import it.mssg.licensing.api.LicensingException;
import it.mssg.licensing.api.StoredDataView;
import it.mssg.licensing.domain.EntitlementRules;
import it.mssg.licensing.domain.LicenceClaims;
import it.mssg.licensing.domain.LicenceStateRules;
import it.mssg.licensing.domain.StoredLicence;
import it.mssg.licensing.domain.TokenVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The licence client: keeps the token, evaluates it offline, and talks to the licence server when asked. */
@Service
class LicensingService implements Licensing, Entitlements {

    private static final Logger log = LoggerFactory.getLogger(LicensingService.class);
    private static final Pattern LICENCE_KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final LicenceStore store;
    private final LicenceServer server;
    private final LicensingSettings settings;
    private final TokenVerifier verifier;
    private final Clock clock;

    LicensingService(LicenceStore store, LicenceServer server, LicensingSettings settings, ObjectProvider<Clock> clock) {
        this.store = store;
        this.server = server;
        this.settings = settings;
        this.verifier = BuiltInKeys.verifier(settings);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public synchronized LicenceView current() {
        Instant now = clock.instant();
        StoredLicence stored = store.load();
        LicenceStateRules.Evaluation evaluation = evaluate(stored, now);
        StoredLicence seen = stored.seenAt(now);
        // A wrong clock must not move the latest seen time, and a bad token is kept so the user can see it.
        if (!seen.equals(stored) && evaluation.state() != LicenceState.INVALID) {
            store.save(seen);
        }
        return view(stored, evaluation);
    }

    @Override
    public boolean allows(Feature feature) {
        return EntitlementRules.allows(current().state(), feature);
    }

    @Override
    public synchronized URI startCheckout(Optional<String> email) {
        Optional<String> cleanEmail = email.map(String::strip).filter(value -> !value.isEmpty());
        if (cleanEmail.isPresent() && !EMAIL.matcher(cleanEmail.get()).matches()) {
            throw new LicensingException("That email address does not look right.");
        }
        StoredLicence stored = store.load();
        URI checkout = server.startCheckout(stored.installId(), cleanEmail);
        if (cleanEmail.isPresent()) {
            store.save(stored.withEmail(cleanEmail.get()));
        }
        return checkout;
    }

    @Override
    public synchronized LicenceView activate(String licenceKey) {
        String key = licenceKey == null ? "" : licenceKey.strip();
        if (!LICENCE_KEY.matcher(key).matches()) {
            throw new LicensingException("A licence key is 8 to 100 letters, digits, '-' or '_'.");
        }
        StoredLicence stored = store.load();
        return accept(stored, server.activate(key, stored.installId()));
    }

    @Override
    public synchronized LicenceView refresh() {
        StoredLicence stored = store.load();
        if (stored.licenceId() == null || settings.serverUrl() == null) {
            return current();
        }
        try {
            return accept(stored, server.refresh(stored.licenceId(), stored.installId()));
        } catch (LicensingException offline) {
            // Offline is normal: the stored token keeps working until its validity and grace period end.
            log.info("Licence refresh failed, keeping the stored token: {}", offline.getMessage());
            return current();
        }
    }

    @Override
    public synchronized URI manageBilling() {
        StoredLicence stored = store.load();
        if (stored.licenceId() == null) {
            throw new LicensingException("There is no licence on this install yet.");
        }
        return server.openPortal(stored.licenceId(), stored.installId());
    }

    @Override
    public synchronized StoredDataView storedData() {
        StoredLicence stored = store.load();
        List<StoredDataView.Item> items = List.of(
                new StoredDataView.Item("Install id", stored.installId(),
                        "A random id made on first start; a licence token only works on the install it was made for."),
                new StoredDataView.Item("Licence token", stored.token(),
                        "Signed by the licence server; checked offline with the vendor's public key."),
                new StoredDataView.Item("Licence id", stored.licenceId(), "Names your licence when the token is refreshed."),
                new StoredDataView.Item("Subscription status", stored.status(), "As of the latest token."),
                new StoredDataView.Item("Email", stored.email(), "Only if you gave one at checkout; used only for licence delivery."),
                new StoredDataView.Item("Last seen time", text(stored.lastSeenAt()), "Notices a clock turned back."),
                new StoredDataView.Item("Last refreshed", text(stored.lastRefreshedAt()), "When the token was last renewed."));
        List<String> sent = List.of(
                "Refresh, activate and billing: the install id and the licence id (or the key you paste).",
                "Checkout: the install id, and the email only if you give one.");
        return new StoredDataView(items, sent, settings.serverUrl() == null ? null : settings.serverUrl().toString());
    }

    private LicenceView accept(StoredLicence stored, String token) {
        Instant now = clock.instant();
        // A fresh token is checked against its own signed issue time, not against a latest seen time that a clock
        // running ahead may have pushed into the future.
        LicenceStateRules.Evaluation evaluation = evaluate(stored.candidate(token), now);
        if (evaluation.state() == LicenceState.INVALID || evaluation.claims().isEmpty()) {
            throw new LicensingException("The licence server sent a token this install cannot use: " + evaluation.reason());
        }
        LicenceClaims claims = evaluation.claims().get();
        StoredLicence updated = stored.withToken(token, claims, now);
        store.save(updated);
        return view(updated, evaluation);
    }

    private LicenceStateRules.Evaluation evaluate(StoredLicence stored, Instant now) {
        return LicenceStateRules.evaluate(stored.optionalToken(), stored.installId(), now, stored.lastSeenAt(), verifier);
    }

    private LicenceView view(StoredLicence stored, LicenceStateRules.Evaluation evaluation) {
        List<LicenceView.FeatureView> features = Arrays.stream(Feature.values())
                .map(feature -> new LicenceView.FeatureView(feature, feature.description(),
                        EntitlementRules.allows(evaluation.state(), feature)))
                .toList();
        Optional<LicenceClaims> claims = evaluation.claims();
        return new LicenceView(evaluation.state(), evaluation.reason(),
                claims.map(LicenceClaims::licenceId).orElse(null),
                claims.map(LicenceClaims::plan).orElse(null),
                claims.map(LicenceClaims::validUntil).orElse(null),
                claims.map(LicenceClaims::graceUntil).orElse(null),
                stored.email(), stored.lastRefreshedAt(), settings.serverUrl() != null, features);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
