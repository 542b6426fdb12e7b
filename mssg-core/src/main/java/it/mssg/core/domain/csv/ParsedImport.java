package it.mssg.core.domain.csv;

import it.mssg.core.api.ImportColumnView;
import it.mssg.core.api.ImportRowStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A read CSV file.
 *
 * @param delimiter {@code ","}, {@code ";"} or {@code "\t"}
 */
public record ParsedImport(String delimiter, List<ImportColumnView> columns, List<String> warnings, List<ParsedRow> rows) {

    public ParsedImport {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
        rows = List.copyOf(rows);
    }

    public Map<ImportRowStatus, Integer> counts() {
        Map<ImportRowStatus, Integer> m = new EnumMap<>(ImportRowStatus.class);
        for (ImportRowStatus s : ImportRowStatus.values()) m.put(s, 0);
        for (ParsedRow r : rows) m.merge(r.status(), 1, Integer::sum);
        return m;
    }

    /** Rows of stored numbers that the file marks opted out: their opt-out is applied under either duplicate policy. */
    public int storedOptOuts() {
        return (int) rows.stream().filter(r -> r.status() == ImportRowStatus.DUPLICATE_IN_DB && r.optedOut()).count();
    }

    /** The E.164 numbers of rows that are VALID so far, for the database lookup. */
    public List<String> validNumbers() {
        return rows.stream().filter(r -> r.status() == ImportRowStatus.VALID).map(ParsedRow::e164).toList();
    }

    /** Marks VALID rows whose number is stored already; {@code existing} maps E.164 → contact id. */
    public ParsedImport markStored(Map<String, Long> existing) {
        if (existing.isEmpty()) return this;
        return mapRows(r -> {
            if (r.status() == ImportRowStatus.VALID) {
                Long id = existing.get(r.e164());
                if (id != null) return r.duplicateInDb(id);
            }
            return r;
        });
    }

    ParsedImport mapRows(UnaryOperator<ParsedRow> f) {
        return new ParsedImport(delimiter, columns, warnings, rows.stream().map(f).toList());
    }
}
