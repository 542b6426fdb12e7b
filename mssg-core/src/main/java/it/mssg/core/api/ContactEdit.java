package it.mssg.core.api;

import java.util.Map;
import java.util.Set;

/**
 * A partial edit of a contact (PATCH): a null component leaves that part as it is.
 *
 * @param fields when set, REPLACES all custom fields (keys follow the custom field key rules; an empty map clears them)
 * @param tagIds when set, REPLACES the contact's tags
 */
public record ContactEdit(String displayName, String notes, Map<String, String> fields, Set<Long> tagIds,
                          Boolean optedOut) {

    public static final int MAX_NAME = 200;
    public static final int MAX_NOTES = 10_000;
    public static final int MAX_FIELDS = 100;
    public static final int MAX_FIELD_VALUE = 2_000;

    public ContactEdit {
        if (displayName != null) {
            displayName = displayName.strip();
            InvalidInputException.require(displayName.length() <= MAX_NAME, "displayName",
                    "name is longer than " + MAX_NAME + " characters");
            InvalidInputException.require(!hasControl(displayName, false), "displayName",
                    "name holds a control character (a line break, a NUL…): a name is one line of text");
        }
        InvalidInputException.require(notes == null || notes.length() <= MAX_NOTES, "notes",
                "notes are longer than " + MAX_NOTES + " characters");
        InvalidInputException.require(notes == null || !hasControl(notes, true), "notes",
                "notes hold a control character other than tabs and line breaks (a NUL, say)");
        if (fields != null) {
            InvalidInputException.require(fields.size() <= MAX_FIELDS, "fields", "at most " + MAX_FIELDS + " custom fields");
            fields.forEach((k, v) -> {
                InvalidInputException.require(k != null && CustomFieldKeys.isValid(k), "fields",
                        "invalid field name: " + k + " (" + CustomFieldKeys.RULE + ")");
                InvalidInputException.require(v == null || v.length() <= MAX_FIELD_VALUE, "fields",
                        "value of " + k + " is longer than " + MAX_FIELD_VALUE + " characters");
                InvalidInputException.require(v == null || !hasControl(v, true), "fields",
                        "value of " + k + " holds a control character other than tabs and line breaks (a NUL, say)");
            });
            var copy = new java.util.LinkedHashMap<String, String>();
            var seen = new java.util.HashMap<String, String>(); // field names are one field ignoring case and spacing
            fields.forEach((k, v) -> {
                String key = CustomFieldKeys.normalise(k);
                String other = seen.putIfAbsent(key.toLowerCase(java.util.Locale.ROOT), key);
                InvalidInputException.require(other == null, "fields", "“" + other + "” and “" + key
                        + "” are the same field (names ignore case and spacing): keep one");
                copy.put(key, v == null ? "" : v);
            });
            fields = java.util.Collections.unmodifiableMap(copy);
        }
        InvalidInputException.require(tagIds == null || tagIds.stream().noneMatch(java.util.Objects::isNull), "tagIds",
                "tag ids are numbers; null is none");
        tagIds = tagIds == null ? null : Set.copyOf(tagIds);
    }

    /**
     * Whether the text holds a control character (C0, DEL, C1): none belongs in a name, and no text file (the CSV export,
     * read back by the import) may hold a NUL. Tabs and line breaks are text in notes and field values.
     */
    static boolean hasControl(String text, boolean tabsAndLineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (tabsAndLineBreaks && (c == '\t' || c == '\n' || c == '\r')) continue;
            if (Character.getType(c) == Character.CONTROL) return true;
        }
        return false;
    }

    public static ContactEdit notes(String notes) {
        return new ContactEdit(null, notes, null, null, null);
    }

    public static ContactEdit tags(Set<Long> tagIds) {
        return new ContactEdit(null, null, null, tagIds, null);
    }

    public static ContactEdit fields(Map<String, String> fields) {
        return new ContactEdit(null, null, fields, null, null);
    }
}
