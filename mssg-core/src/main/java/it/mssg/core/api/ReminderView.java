package it.mssg.core.api;

import java.time.Instant;

/** A follow-up reminder; {@code contactName} and {@code note} may be untrusted text: escape them. */
public record ReminderView(long id, long contactId, String contactName, String note, Instant dueAt,
                           Instant createdAt, Instant clearedAt) {
}
