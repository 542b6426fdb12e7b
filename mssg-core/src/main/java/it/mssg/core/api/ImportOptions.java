package it.mssg.core.api;

/**
 * @param fileName       shown back in the preview; untrusted
 * @param defaultRegion  ISO region for numbers without {@code +}/{@code 00}, e.g. {@code IT}; null = the setting
 * @param duplicates     what commit does with numbers already stored; null = {@link DuplicatePolicy#SKIP}
 */
public record ImportOptions(String fileName, String defaultRegion, DuplicatePolicy duplicates) {

    public ImportOptions {
        fileName = fileName == null ? "upload.csv" : fileName.strip();
        if (fileName.length() > 200) fileName = fileName.substring(0, 200);
        if (defaultRegion != null) {
            defaultRegion = defaultRegion.strip().toUpperCase(java.util.Locale.ROOT);
            InvalidInputException.require(defaultRegion.matches("[A-Z]{2}"), "defaultRegion",
                    "region must be a two-letter country code such as IT");
        }
        duplicates = duplicates == null ? DuplicatePolicy.SKIP : duplicates;
    }

    public static ImportOptions defaults(String fileName) {
        return new ImportOptions(fileName, null, null);
    }
}
