package it.mssg.bridge.browser;

import it.mssg.bridge.domain.EgressPolicy;

import java.util.Map;

/**
 * What the page tells the bridge. Called on the Playwright thread: implementations must hand the work to
 * another thread and return at once.
 */
public interface PageListener {

    /** An event from the shim: a map with a {@code type} and plain JSON values. */
    void onPageEvent(Map<String, Object> event);

    void onPageCrashed();

    /** The main frame navigated to {@code url} after the first load (WhatsApp reloaded itself, or went elsewhere). */
    void onPageNavigated(String url);

    /** The browser or the page closed without being asked to. */
    void onBrowserClosed();

    /** A request or websocket of the page (or its workers) was aborted because the egress policy does not allow it. */
    void onRequestBlocked(EgressPolicy.Decision decision);
}
