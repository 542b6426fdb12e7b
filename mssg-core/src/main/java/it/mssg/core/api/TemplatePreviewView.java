package it.mssg.core.api;

/**
 * A template rendered for one contact. {@code contactName} and {@code text} may hold untrusted text: escape them.
 *
 * @param text    what the contact would get, or null
 * @param problem why the contact would get nothing (fail closed), or null
 */
public record TemplatePreviewView(long contactId, String contactName, String text, String problem) {
}
