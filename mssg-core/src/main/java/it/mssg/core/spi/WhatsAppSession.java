package it.mssg.core.spi;

import it.mssg.core.api.BlockedRequestsView;
import it.mssg.core.api.SessionStatus;

import java.util.List;
import java.util.Optional;

/** Control of the WhatsApp Web session, implemented by the bridge. Calls never block on the page for long. */
public interface WhatsAppSession {

    SessionStatus status();

    void restart();

    void logout();

    /** Reopens the browser with a visible window, for a person to look at WhatsApp Web directly. */
    void openVisibleWindow();

    /** A PNG of the page as it is now, or empty when there is no page. */
    Optional<byte[]> screenshot();

    /** In simulator mode, the address of the simulator's control page; empty in live mode. */
    Optional<String> simulatorControlUrl();

    /** What the browser was stopped from reaching since start; a session that filters nothing reports none. */
    default BlockedRequestsView blockedRequests() {
        return BlockedRequestsView.NONE;
    }

    /** Fetches recent messages of a chat straight from WhatsApp, newest last; used to reconcile uncertain sends. */
    List<it.mssg.core.api.WaMessage> recentMessages(String chatWaId, int count) throws WhatsAppGateway.GatewayUnavailable;
}
