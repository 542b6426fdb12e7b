package it.mssg.core.api;

/** Published whenever the WhatsApp session changes state, QR code or sync progress. */
public record SessionStateChanged(SessionStatus status) {
}
