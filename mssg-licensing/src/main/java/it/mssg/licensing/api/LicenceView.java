package it.mssg.licensing.api;

import java.time.Instant;
import java.util.List;

/**
 * The licence as the Licence screen shows it. Fields other than {@code state}, {@code reason}, {@code features}
 * and {@code serverConfigured} are null when there is no verified licence.
 */
public record LicenceView(LicenceState state, String reason, String licenceId, String plan, Instant validUntil,
                          Instant graceUntil, String email, Instant lastRefreshedAt, boolean serverConfigured,
                          List<FeatureView> features) {

    public LicenceView {
        features = List.copyOf(features);
    }

    public boolean hasLicence() {
        return licenceId != null;
    }

    /** One licensed feature and whether it is open now. */
    public record FeatureView(Feature feature, String description, boolean open) {
    }
}
