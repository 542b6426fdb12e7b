package it.mssg.core.domain.csv;

/**
 * Bounds on what an import reads.
 *
 * @param maxBytes      larger uploads are rejected as a whole
 * @param maxRows       data rows; more rejects the file
 * @param maxColumns    columns in the header (more rejects the file) and in a row (more rejects the row)
 * @param maxCellLength characters in one cell; longer rejects the row
 */
public record ImportLimits(long maxBytes, int maxRows, int maxColumns, int maxCellLength) {

    public static final ImportLimits DEFAULTS = new ImportLimits(50L * 1024 * 1024, 200_000, 200, 10_000);

    public ImportLimits {
        if (maxBytes < 1 || maxRows < 1 || maxColumns < 2 || maxCellLength < 20) {
            throw new IllegalArgumentException("import limits too small");
        }
    }
}
