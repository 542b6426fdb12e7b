package it.mssg.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One contact with everything about it. Texts are untrusted: escape them.
 *
 * @param fields custom fields in key order
 * @param chatId the one-to-one chat with this contact, or null when there is none yet
 */
public record ContactView(long id, String waId, String phoneE164, String displayName, String pushName,
                          boolean business, String notes, boolean optedOut, ContactSource source,
                          Map<String, String> fields, List<TagRefView> tags, Long chatId,
                          Instant createdAt, Instant updatedAt) {

    public ContactView {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        tags = List.copyOf(tags);
    }

    public String label() {
        return label(displayName, pushName, phoneE164, waId);
    }

    static String label(String displayName, String pushName, String phoneE164, String waId) {
        if (displayName != null && !displayName.isBlank()) return displayName;
        if (pushName != null && !pushName.isBlank()) return pushName;
        if (phoneE164 != null) return phoneE164;
        return waId;
    }
}
