package it.mssg.core.api;

import java.time.Instant;
import java.util.List;

/** A chat as WhatsApp reports it; {@code waId} ends in {@code @c.us}, {@code @g.us} or {@code @lid}. */
public record WaChat(String waId, String name, boolean group, int unreadCount, Instant lastActivity,
                     List<String> labelIds) {
    public WaChat {
        labelIds = labelIds == null ? List.of() : List.copyOf(labelIds);
    }
}
