package it.mssg.core.api;

import java.time.Instant;
import java.util.List;

/**
 * A row of the contact list. Texts are untrusted (they may come from WhatsApp or a CSV): escape them.
 *
 * @param phoneE164   e.g. {@code +393331234567}, null for contacts known only by a non-phone WhatsApp id
 * @param waId        e.g. {@code 393331234567@c.us}, null for contacts never seen on WhatsApp
 * @param displayName the name the user gave (CSV, manual, address book), may be null
 * @param pushName    the name the person set on WhatsApp, may be null
 */
public record ContactSummaryView(long id, String displayName, String pushName, String phoneE164, String waId,
                                 boolean business, boolean optedOut, ContactSource source,
                                 List<TagRefView> tags, Instant updatedAt) {

    public ContactSummaryView {
        tags = List.copyOf(tags);
    }

    /** The best name to show: display name, else push name, else the number, else the WhatsApp id. */
    public String label() {
        return ContactView.label(displayName, pushName, phoneE164, waId);
    }
}
