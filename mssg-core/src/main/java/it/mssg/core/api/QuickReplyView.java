package it.mssg.core.api;

import java.time.Instant;

public record QuickReplyView(long id, String shortcut, String body, Instant updatedAt) {
}
