package it.mssg.core.api;

import java.util.List;

/**
 * One data line of a previewed file. Texts are untrusted: escape them.
 *
 * @param line              1-based line number in the file (the header is line 1)
 * @param phone             the number as written
 * @param phoneE164         the normalised number, null when invalid
 * @param reason            why the row is not VALID, else null
 * @param firstLine         for DUPLICATE_IN_FILE, the line that has the number first
 * @param existingContactId for DUPLICATE_IN_DB, the stored contact
 */
public record ImportRowView(int line, ImportRowStatus status, String phone, String phoneE164, String name,
                            List<String> tags, String reason, Integer firstLine, Long existingContactId) {

    public ImportRowView {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
