package it.mssg.core.domain.csv;

/** Cell rules shared by import and export: spreadsheet formula injection. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * A cell that a spreadsheet would run as a formula ({@code = + - @}, or tab/CR first) gets a leading
     * {@code '} (OWASP's advice for CSV injection). So does a value that already starts with apostrophes
     * followed by such a character ({@code '=x}): otherwise {@link #unsafe} could not tell it from a guarded
     * {@code =x}, and the apostrophe would be lost on the way back.
     */
    public static String safe(String value) {
        if (value == null) return "";
        // a phone number as mssg stores it (+ and digits only) cannot run as a formula, and other tools reading the
        // file would take an apostrophe as part of the number
        if (E164.matcher(value).matches()) return value;
        return guarded(value) ? "'" + value : value;
    }

    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+[1-9][0-9]{5,14}");

    /** Undoes {@link #safe} on import, so an exported file imports back to the same values. */
    public static String unsafe(String value) {
        if (value != null && !value.isEmpty() && value.charAt(0) == '\'' && guarded(value)) {
            return value.substring(1);
        }
        return value;
    }

    /** Whether the value, after any leading apostrophes, starts like a formula. */
    private static boolean guarded(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') i++;
        if (i == value.length()) return false;
        char c = value.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
