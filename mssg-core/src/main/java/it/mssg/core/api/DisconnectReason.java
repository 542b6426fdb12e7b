package it.mssg.core.api;

/** Why a session left READY. */
public enum DisconnectReason {
    LOGGED_OUT, BROWSER_CRASHED, CONFLICT, NAVIGATED, UNSUPPORTED_VERSION, TIMEOUT, PROFILE_LOCKED
}
