package it.mssg.licensing.api;

/** What the app makes of its licence right now; computed offline from the stored token. */
public enum LicenceState {
    /** No licence token stored: the free features work. */
    UNLICENSED,
    /** A trial subscription whose token is within its validity. */
    TRIAL,
    /** A paid subscription whose token is within its validity. */
    ACTIVE,
    /** The token's validity passed (for example the server could not be reached) but the grace period has not. */
    GRACE,
    /** Validity and grace period have both passed. */
    EXPIRED,
    /** The subscription was canceled. */
    CANCELED,
    /** The token is not trustworthy: bad signature, made for another machine, or the clock was rolled back. */
    INVALID;

    /** Whether features that need a licence are open in this state. */
    public boolean unlocksLicensedFeatures() {
        return this == TRIAL || this == ACTIVE || this == GRACE;
    }
}
