package it.mssg.bridge.browser;

/**
 * A call to the page did not complete. Callers get this typed error and never a raw Playwright message such
 * as "detached frame" or "Target closed".
 */
public final class PageCallFailed extends Exception {

    public enum Kind {
        /** the page navigated (or reloaded) since the call was made; the shim is re-injected on the new page */
        NAVIGATED,
        /** there is no page: the browser is closed, crashed or being restarted */
        CLOSED,
        /** the page did not answer in time */
        TIMEOUT,
        /** the page answered with an error (a script error in the shim or in WPP) */
        SCRIPT
    }

    private final Kind kind;

    public PageCallFailed(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
