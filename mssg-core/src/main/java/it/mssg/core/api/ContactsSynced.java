package it.mssg.core.api;

/** A page of contacts from WhatsApp was stored. */
public record ContactsSynced(int added, int updated) {
}
