package it.mssg.core.api;

/** Order of a contact list; ties are broken by id so paging is stable. */
public record ContactSort(Field field, SortDirection direction) {

    public enum Field {
        /** by display name, else push name (case-insensitive) */
        NAME,
        PHONE,
        CREATED,
        UPDATED
    }

    public ContactSort {
        InvalidInputException.require(field != null, "sort", "sort field is required");
        direction = direction == null ? SortDirection.ASC : direction;
    }

    public static ContactSort byName() {
        return new ContactSort(Field.NAME, SortDirection.ASC);
    }

    /** Parses request parameters such as {@code name}, {@code -updated} (leading minus = descending); null → by name. */
    public static ContactSort parse(String value) {
        if (value == null || value.isBlank()) return byName();
        String v = value.strip();
        SortDirection dir = SortDirection.ASC;
        if (v.startsWith("-")) {
            dir = SortDirection.DESC;
            v = v.substring(1);
        }
        try {
            return new ContactSort(Field.valueOf(v.toUpperCase(java.util.Locale.ROOT)), dir);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sort", "unknown sort field: " + v + " (name, phone, created, updated)");
        }
    }
}
