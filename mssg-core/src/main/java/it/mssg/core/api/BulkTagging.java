package it.mssg.core.api;

import java.util.Set;

/** Add or remove one tag on many contacts at once. */
public record BulkTagging(Set<Long> contactIds, long tagId) {

    public static final int MAX_CONTACTS = 10_000;

    public BulkTagging {
        InvalidInputException.require(contactIds != null && !contactIds.isEmpty(), "contactIds", "select at least one contact");
        InvalidInputException.require(contactIds.size() <= MAX_CONTACTS, "contactIds",
                "at most " + MAX_CONTACTS + " contacts at once");
        contactIds = Set.copyOf(contactIds);
    }
}
