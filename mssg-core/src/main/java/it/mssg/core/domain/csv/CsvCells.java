package it.mssg.core.domain.csv;

/** Cell rules shared by import and export: spreadsheet formula injection. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * A cell that a spreadsheet would run as a formula ({@code = + - @}, or tab/CR first) gets a leading
     * {@code '} (OWASP's advice for CSV injection).
     */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) return value == null ? "" : value;
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** Undoes {@link #safe} on import, so an exported file imports back to the same values. */
    public static String unsafe(String value) {
        if (value != null && value.length() >= 2 && value.charAt(0) == '\'') {
            char c = value.charAt(1);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return value.substring(1);
            }
        }
        return value;
    }
}
