package it.mssg.core.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * CSV import in two steps, and export.
 * <p>
 * The file: UTF-8 (a BOM is fine), separated by {@code ,} {@code ;} or tab (found by sniffing), quotes as
 * in RFC 4180, empty lines ignored. Headers recognised (any case, any language of these): phone / number /
 * mobile / cell / telefono / cellulare / whatsapp → the number; name / nome / full name → display name;
 * tags / labels (values separated by {@code ;} or {@code |}) → tags; notes / note → notes; any other
 * column → a custom field of that name. Without a recognisable header the first line is data and
 * columns are read as phone, name.
 */
public interface ContactImport {

    /**
     * Reads the whole stream (the caller closes it) and keeps the result for a while.
     *
     * @throws ImportRejectedException the file as a whole cannot be read (too large, too many columns/rows, no phone column)
     */
    ImportPreviewView preview(InputStream csv, ImportOptions options);

    /** @throws NotFoundException the preview expired or was committed already */
    ImportPreviewView getPreview(String previewId);

    /**
     * The rows of a preview, in file order.
     *
     * @param status only rows with this status, or null for all
     * @throws NotFoundException the preview expired or was committed already
     */
    PageView<ImportRowView> rows(String previewId, ImportRowStatus status, Paging paging);

    /**
     * Stores the importable rows in one transaction: all or nothing. Numbers stored by someone else since
     * the preview count as DUPLICATE_IN_DB. Records the import in {@link ImportHistory}, where it can be undone, and
     * publishes {@link ContactsImported} after commit.
     *
     * @throws NotFoundException the preview expired or was committed already
     */
    ImportResultView commit(String previewId, ImportProgress progress);

    /** Forgets a preview; unknown ids are ignored. */
    void discard(String previewId);

    /**
     * Writes the matching contacts as CSV (UTF-8 with BOM, comma separated, CRLF): phone, name, push name,
     * whatsapp id, business, opted out, source, tags ({@code ;}-separated), notes, then one column per custom
     * field. Cells starting with {@code = + - @} (or tab/CR) get a leading {@code '} so spreadsheets do not
     * run them as formulas, except phone numbers as stored ({@code +} and digits only), which cannot run as one.
     * Does not close the stream.
     *
     * @return how many contacts were written
     */
    long exportCsv(ContactFilter filter, OutputStream out);

    /** A file name for the export, e.g. {@code mssg-contacts-2025-01-31.csv}. */
    default String exportFileName() {
        return "mssg-contacts-" + java.time.LocalDate.now() + ".csv";
    }

    /** Convenience for screens holding only an id. */
    default Optional<ImportPreviewView> findPreview(String previewId) {
        try {
            return Optional.of(getPreview(previewId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
