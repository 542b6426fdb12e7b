package it.mssg.core.api;

/** A WhatsApp Business label; labels become tags. */
public record WaLabel(String id, String name, String hexColor) {
}
