package it.mssg.core.api;

/** Published after an import committed. */
public record ContactsImported(String previewId, int created, int merged) {
}
