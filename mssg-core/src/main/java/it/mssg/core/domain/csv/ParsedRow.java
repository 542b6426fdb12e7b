package it.mssg.core.domain.csv;

import it.mssg.core.api.ImportRowStatus;
import it.mssg.core.api.ImportRowView;

import java.util.List;
import java.util.Map;

/**
 * One data row of an import as read.
 *
 * @param fields    custom fields, keys as normalised from the header, in column order; kept compactly
 *                  ({@link RowFields}), read-only
 * @param optedOut  the file marks the contact as opted out (an import only ever sets this, never clears it)
 */
public record ParsedRow(int line, ImportRowStatus status, String phone, String e164, String name, String notes,
                        List<String> tags, Map<String, String> fields, boolean optedOut, String reason, Integer firstLine,
                        Long existingContactId) {

    public ParsedRow {
        tags = tags == null ? List.of() : List.copyOf(tags);
        fields = RowFields.copyOf(fields);
    }

    static ParsedRow invalid(int line, String phone, String name, String reason) {
        return new ParsedRow(line, ImportRowStatus.INVALID, phone, null, name, null, List.of(), Map.of(), false, reason,
                null, null);
    }

    public ParsedRow duplicateInDb(long contactId) {
        return new ParsedRow(line, ImportRowStatus.DUPLICATE_IN_DB, phone, e164, name, notes, tags, fields, optedOut,
                "already stored as a contact", null, contactId);
    }

    public ParsedRow duplicateInFile(int first) {
        return new ParsedRow(line, ImportRowStatus.DUPLICATE_IN_FILE, phone, e164, name, notes, tags, fields, optedOut,
                "same number as line " + first, first, null);
    }

    public ImportRowView toView() {
        return new ImportRowView(line, status, phone, e164, name, tags, reason, firstLine, existingContactId);
    }
}
