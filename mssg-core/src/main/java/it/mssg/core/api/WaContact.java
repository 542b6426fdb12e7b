package it.mssg.core.api;

import java.util.List;

/**
 * A contact as WhatsApp reports it. Untrusted input: every text may hold anything.
 *
 * @param waId     serialized WhatsApp id, e.g. {@code 393331234567@c.us}
 * @param labelIds ids of business labels on this contact (see {@link WaLabel}), may be empty
 */
public record WaContact(String waId, String name, String pushName, boolean business, boolean myContact,
                        List<String> labelIds) {
    public WaContact {
        labelIds = labelIds == null ? List.of() : List.copyOf(labelIds);
    }
}
