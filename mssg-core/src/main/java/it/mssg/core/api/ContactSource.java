package it.mssg.core.api;

/** Where a contact first came from. */
public enum ContactSource {
    WHATSAPP, CSV, MANUAL
}
