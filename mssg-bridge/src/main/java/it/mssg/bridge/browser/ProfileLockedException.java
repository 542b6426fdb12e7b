package it.mssg.bridge.browser;

/** The Chromium profile is in use by another running browser: retrying cannot help until it is closed. */
public final class ProfileLockedException extends Exception {
    public ProfileLockedException(String message) {
        super(message);
    }
}
