package it.mssg.core.api;

import java.time.Instant;

/**
 * A snapshot of the WhatsApp session for screens and the API.
 *
 * @param reason   set only in DISCONNECTED
 * @param qrCode   the full pairing code to draw as a QR, set only in QR_REQUIRED
 * @param qrExpiresAt when WhatsApp will rotate the code, set only in QR_REQUIRED
 * @param progress sync progress 0..100, meaningful in SYNCING
 * @param version  the WhatsApp Web / wa-js version the page reports, or null
 */
public record SessionStatus(SessionState state, DisconnectReason reason, String qrCode, Instant qrExpiresAt,
                            int progress, String version, Instant since) {

    public static SessionStatus stopped(Instant now) {
        return new SessionStatus(SessionState.STOPPED, null, null, null, 0, null, now);
    }

    public boolean isReady() {
        return state == SessionState.READY;
    }
}
