package it.mssg.core.api;

import java.time.Instant;
import java.util.List;

/**
 * The result of reading a CSV file, before anything is stored. Rows are fetched page by page with
 * {@link ContactImport#rows}; {@code firstRows} holds the first lines for a quick look.
 *
 * @param id        pass it to {@link ContactImport#commit}; valid until {@code expiresAt}
 * @param delimiter the separator found: {@code ","}, {@code ";"} or {@code "\t"}
 * @param warnings  file-level notes that do not stop the import (e.g. "no header row recognised; first column read as phone")
 * @param storedOptOutRows rows of stored numbers that the file marks opted out: the opt-out is applied under either policy
 */
public record ImportPreviewView(String id, String fileName, String delimiter, List<ImportColumnView> columns,
                                int totalRows, int validRows, int invalidRows, int duplicateInFileRows,
                                int duplicateInDbRows, int storedOptOutRows, DuplicatePolicy duplicates,
                                List<String> warnings, List<ImportRowView> firstRows, Instant expiresAt) {

    public ImportPreviewView {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
        firstRows = List.copyOf(firstRows);
    }

    /** How many contacts commit would create or change. */
    public int importableRows() {
        return validRows + (duplicates == DuplicatePolicy.MERGE ? duplicateInDbRows : storedOptOutRows);
    }

    /** Under SKIP: stored contacts that are left as they are but for the opt-out the file gives them. */
    public int optOutsOnly() {
        return duplicates == DuplicatePolicy.MERGE ? 0 : storedOptOutRows;
    }

    public boolean committable() {
        return importableRows() > 0;
    }
}
