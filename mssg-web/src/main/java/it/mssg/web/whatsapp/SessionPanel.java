package it.mssg.web.whatsapp;

import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import it.mssg.web.layout.SessionChip;

import java.util.Objects;

/** What the WhatsApp screen shows about the session: the chip's words, the QR image, sync progress. */
public record SessionPanel(SessionChip chip, String qrImage, String version, String simulatorUrl) {

    public static SessionPanel of(SessionStatus status, String simulatorUrl) {
        String qr = status != null && status.state() == SessionState.QR_REQUIRED ? QrCodes.svgDataUri(status.qrCode()) : null;
        return new SessionPanel(SessionChip.of(status), qr, status == null ? null : status.version(), simulatorUrl);
    }

    /** A key that changes whenever something shown changes, so the stream pushes only real changes. */
    static String key(SessionStatus status) {
        if (status == null) {
            return "none";
        }
        return status.state() + "|" + status.reason() + "|" + Objects.hashCode(status.qrCode()) + "|" + status.progress()
                + "|" + status.version();
    }
}
