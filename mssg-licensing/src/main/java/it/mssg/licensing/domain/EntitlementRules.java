package it.mssg.licensing.domain;

import it.mssg.licensing.api.Feature;
import it.mssg.licensing.api.LicenceState;

/** Which features a licence state opens. Every {@link Feature} needs a licence; nothing else is gated. */
public final class EntitlementRules {

    private EntitlementRules() {
    }

    public static boolean allows(LicenceState state, Feature feature) {
        return feature != null && state.unlocksLicensedFeatures();
    }
}
