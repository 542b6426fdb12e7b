package it.mssg.core.api;

/**
 * How a column of the file is read.
 *
 * @param index    0-based column number
 * @param header   the header as written in the file (untrusted)
 * @param role     what the column fills
 * @param fieldKey the custom field name when {@code role} is FIELD
 */
public record ImportColumnView(int index, String header, Role role, String fieldKey) {

    public enum Role {
        /** the number (only the first such column) */
        PHONE,
        /** the display name */
        NAME,
        /** joined with LAST_NAME into the display name when there is no NAME column */
        FIRST_NAME,
        LAST_NAME,
        /** tags separated by {@code ;} or {@code |} */
        TAGS,
        NOTES,
        /** a custom field named {@code fieldKey} */
        FIELD,
        /** yes, true, 1 or x marks the contact opted out; an import never opts anyone back in */
        OPTED_OUT,
        /** not read (see the preview's warnings for why) */
        IGNORED
    }
}
