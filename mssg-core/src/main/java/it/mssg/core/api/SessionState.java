package it.mssg.core.api;

/** Where the WhatsApp Web session is in its life; see the bridge's state machine. */
public enum SessionState {
    STOPPED, STARTING, QR_REQUIRED, SYNCING, READY, DISCONNECTED
}
