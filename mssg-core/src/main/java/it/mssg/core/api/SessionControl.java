package it.mssg.core.api;

import java.util.Optional;

/** What screens and the REST API may do with the WhatsApp session. */
public interface SessionControl {

    SessionStatus status();

    void restart();

    void logout();

    void openVisibleWindow();

    /** A PNG of the WhatsApp page as it is now, for the session window; empty when there is no page. */
    Optional<byte[]> screenshot();

    /** In simulator mode, the address of the simulator's control page (scan the QR, write as a contact). */
    Optional<String> simulatorControlUrl();

    /** Requests of the WhatsApp browser blocked since start (analytics, crash logs, hosts off the allow-list). */
    BlockedRequestsView blockedRequests();
}
