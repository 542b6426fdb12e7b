package it.mssg.core.domain.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes contacts as a spreadsheet-friendly CSV: UTF-8 with a BOM (so Excel reads accents and emoji),
 * comma separated, CRLF, quotes where needed, every cell guarded against formula injection. The header
 * uses the import's names, so an export imports back as it is.
 */
public final class ContactCsvWriter implements AutoCloseable {

    public static final List<String> FIXED = List.of("phone", "name", "push name", "whatsapp id", "business",
            "opted out", "source", "tags", "notes");

    private final CSVPrinter printer;
    private final List<String> fieldKeys;

    public ContactCsvWriter(OutputStream out, List<String> fieldKeys) {
        this.fieldKeys = List.copyOf(fieldKeys);
        try {
            Writer w = new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8);
            w.write('\uFEFF');
            this.printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
            List<String> header = new ArrayList<>(FIXED);
            header.addAll(this.fieldKeys);
            printer.printRecord(header.stream().map(CsvCells::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String phone, String name, String pushName, String waId, boolean business, boolean optedOut,
                      String source, List<String> tags, String notes, Map<String, String> fields) {
        Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(fields);
        List<String> cells = new ArrayList<>(FIXED.size() + fieldKeys.size());
        cells.add(phone);
        cells.add(name);
        cells.add(pushName);
        cells.add(waId);
        cells.add(business ? "yes" : "no");
        cells.add(optedOut ? "yes" : "no");
        cells.add(source);
        cells.add(String.join("; ", tags));
        cells.add(notes);
        for (String k : fieldKeys) cells.add(ci.get(k));
        try {
            printer.printRecord(cells.stream().map(CsvCells::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
