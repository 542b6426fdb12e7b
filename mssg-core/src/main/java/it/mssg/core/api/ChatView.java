package it.mssg.core.api;

import java.time.Instant;

/**
 * A chat. {@code name} is untrusted: escape it.
 *
 * @param contactId the contact of a one-to-one chat, null for groups
 */
public record ChatView(long id, String waId, String name, boolean group, int unreadCount, Instant lastActivity,
                       Long contactId) {
}
