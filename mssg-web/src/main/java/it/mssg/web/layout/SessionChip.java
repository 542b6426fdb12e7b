package it.mssg.web.layout;

import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;

import java.util.Locale;

/** How the WhatsApp session is shown in the header chip and on Home: words, not enum names. */
public record SessionChip(SessionState state, String label, String detail, String cssClass, boolean syncing,
                          int progress) {

    public static SessionChip of(SessionStatus status) {
        SessionState state = status == null ? SessionState.STOPPED : status.state();
        int progress = status == null ? 0 : Math.max(0, Math.min(100, status.progress()));
        String label = switch (state) {
            case STOPPED -> "WhatsApp off";
            case STARTING -> "Starting WhatsApp…";
            case QR_REQUIRED -> "Scan the QR code";
            case SYNCING -> "Syncing " + progress + "%";
            case READY -> "WhatsApp connected";
            case DISCONNECTED -> "Disconnected";
        };
        String detail = switch (state) {
            case STOPPED -> "The WhatsApp session is not running.";
            case STARTING -> "Opening WhatsApp Web in the background.";
            case QR_REQUIRED -> "Open the WhatsApp screen and scan the code with your phone.";
            case SYNCING -> "Reading contacts, chats and recent messages from WhatsApp.";
            case READY -> "Messages flow in as they arrive.";
            case DISCONNECTED -> reasonText(status.reason());
        };
        return new SessionChip(state, label, detail, "status-" + state.name().toLowerCase(Locale.ROOT),
                state == SessionState.SYNCING, progress);
    }

    static String reasonText(DisconnectReason reason) {
        if (reason == null) {
            return "The session ended.";
        }
        return switch (reason) {
            case LOGGED_OUT -> "Logged out: scan a new QR code to connect again.";
            case BROWSER_CRASHED -> "The browser stopped; mssg is restarting it.";
            case CONFLICT -> "WhatsApp Web was opened somewhere else.";
            case NAVIGATED -> "The WhatsApp page went away; mssg is reloading it.";
            case UNSUPPORTED_VERSION -> "This WhatsApp Web version is not supported yet.";
            case TIMEOUT -> "WhatsApp did not answer in time.";
            case PROFILE_LOCKED -> "The browser profile is in use by another program. Close it and restart.";
        };
    }
}
