package it.mssg.core.domain.csv;

/**
 * Bounds on what an import reads.
 *
 * @param maxBytes      larger uploads are rejected as a whole
 * @param maxRows       data rows; more rejects the file
 * @param maxColumns    columns in the header (more rejects the file) and in a row (more rejects the row)
 * @param maxCellLength characters in one cell; longer rejects the row
 * @param maxCells      data rows × columns read (phone, name, tags, notes, opt-out, custom fields); more rejects the
 *                      file, as soon as the reader gets there. Rows and columns each within their limits still allow
 *                      200k rows × 200 columns: 40 million cells, each a custom field row to store at the commit and
 *                      text to hold in a preview. 5 million takes 100k contacts × 50 columns or 200k × 25; such a
 *                      preview holds about 100 MB of heap (measured: 200k × 25, 43 MB of text), so one still fits in
 *                      the app's 512 MB beside what else runs, and its commit writes at most 5 million field rows.
 */
public record ImportLimits(long maxBytes, int maxRows, int maxColumns, int maxCellLength, long maxCells) {

    public static final long DEFAULT_MAX_CELLS = 5_000_000;

    public static final ImportLimits DEFAULTS = new ImportLimits(50L * 1024 * 1024, 200_000, 200, 10_000, DEFAULT_MAX_CELLS);

    public ImportLimits {
        if (maxBytes < 1 || maxRows < 1 || maxColumns < 2 || maxCellLength < 20 || maxCells < maxColumns) {
            throw new IllegalArgumentException("import limits too small");
        }
    }

    /** The limits with the default {@link #maxCells}. */
    public ImportLimits(long maxBytes, int maxRows, int maxColumns, int maxCellLength) {
        this(maxBytes, maxRows, maxColumns, maxCellLength, DEFAULT_MAX_CELLS);
    }
}
