package it.mssg.core.api;

/**
 * @param defaultRegion       ISO code used for numbers written without {@code +}/{@code 00}, e.g. IT
 * @param currentTermsVersion the terms version this build asks people to accept
 * @param acknowledgement     what was accepted and when, or null before the first run is completed
 */
public record SettingsView(String defaultRegion, RegionView defaultRegionInfo, String currentTermsVersion,
                           AcknowledgementView acknowledgement, DataLocationView data) {

    /** True when the current terms were accepted (the first-run screen is not needed). */
    public boolean acknowledged() {
        return acknowledgement != null && currentTermsVersion.equals(acknowledgement.termsVersion());
    }
}
