package it.mssg.core.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for custom field names, shared by edits and CSV headers: 1..40 characters of letters, digits,
 * space, {@code _ - .}, starting with a letter or digit; stored trimmed, with inner runs of spaces collapsed.
 * Names compare case-insensitively (the first spelling seen is kept).
 */
public final class CustomFieldKeys {

    public static final int MAX_LENGTH = 40;
    public static final String RULE = "1 to 40 letters, digits, spaces, _ - . starting with a letter or digit";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.\\-]{0,39}");

    private CustomFieldKeys() {
    }

    public static String normalise(String key) {
        return key == null ? null : SPACES.matcher(key.strip()).replaceAll(" ");
    }

    public static boolean isValid(String key) {
        String k = normalise(key);
        return k != null && VALID.matcher(k).matches();
    }

    public static String comparable(String key) {
        return normalise(key).toLowerCase(Locale.ROOT);
    }
}
