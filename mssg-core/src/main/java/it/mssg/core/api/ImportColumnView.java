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
        PHONE, NAME, TAGS, NOTES, FIELD, IGNORED
    }
}
