package it.mssg.core.domain.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows of any table as CSV (RFC 4180, CRLF, every cell guarded against formula injection) to a
 * writer the caller owns; used by the data export for tables other than contacts.
 */
public final class RowCsvWriter {

    private final CSVPrinter printer;

    public RowCsvWriter(Writer out, List<String> header) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
            printer.printRecord(header.stream().map(CsvCells::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(List<?> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (Object v : values) cells.add(v == null ? null : CsvCells.safe(String.valueOf(v)));
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes what was written; the writer stays open (the export goes on with the next file). */
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
