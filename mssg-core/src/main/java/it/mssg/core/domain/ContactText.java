package it.mssg.core.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The derived texts that make contact search and sorting cheap: a lower-case {@code search_text}
 * (names and the number's digits, international and national) and a lower-case {@code sort_name}.
 * Texts from outside are kept as they are (emoji, right-to-left marks); only length is bounded.
 */
public final class ContactText {

    public static final int MAX_NAME = 200;
    public static final int MAX_SEARCH = 600;
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NUMBERISH = Pattern.compile("[\\d\\s+\\-().]*\\d[\\d\\s+\\-().]*");

    private ContactText() {
    }

    public static String searchText(String displayName, String pushName, String phoneE164, String waId) {
        StringBuilder b = new StringBuilder();
        append(b, displayName);
        append(b, pushName);
        if (phoneE164 != null) {
            append(b, phoneE164.substring(1));
            append(b, PhoneNumbers.nationalDigits(phoneE164));
        } else if (waId != null) {
            append(b, waId);
        }
        String s = searchForm(b.toString());
        return s.length() > MAX_SEARCH ? s.substring(0, MAX_SEARCH) : s;
    }

    /**
     * How search compares text: lower case, without accents or other combining marks, so that "nicolo" finds Nicolò and
     * "Zoë" finds a Zoe (names are typed both ways, and the Italian keyboard's default is not everyone's).
     */
    public static String searchForm(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) >= 0x80) return sortKey(lower);
        }
        return lower; // plain ASCII, most names and every number: nothing to take off
    }

    public static String sortName(String displayName, String pushName, String phoneE164, String waId) {
        String label = label(displayName, pushName, phoneE164, waId);
        String s = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s;
    }

    /**
     * The key a stored {@code sort_name} is ordered by: accents and other combining marks removed, so Émile sorts
     * among the e's and Ärger among the a's instead of after z (code point order). Only the order uses it.
     */
    public static String sortKey(String sortName) {
        if (sortName == null) return "";
        String decomposed = Normalizer.normalize(sortName, Normalizer.Form.NFKD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("");
    }

    public static String label(String displayName, String pushName, String phoneE164, String waId) {
        if (displayName != null && !displayName.isBlank()) return displayName;
        if (pushName != null && !pushName.isBlank()) return pushName;
        if (phoneE164 != null) return phoneE164;
        return waId;
    }

    /**
     * What to look for in {@code search_text}: the digits when the query looks like a number
     * ({@code +39 333-12} → {@code 3933312}), else the text in its {@link #searchForm}.
     */
    public static String queryFragment(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (NUMBERISH.matcher(t).matches()) {
            String digits = PhoneNumbers.digits(t);
            // 00 is how much of the world dials "+": 0044 20 7946 finds +44 20 7946 as +44 20 7946 does
            return t.startsWith("00") && digits.length() > 2 ? digits.substring(2) : digits;
        }
        return searchForm(t);
    }

    /**
     * Whether the query is a number written from its start, with {@code +} or {@code 00} ({@code +1 202}): then it must
     * match where a number or word of the search text begins, not anywhere inside one (+1 202 is not …1202… of an
     * Italian mobile). A bare {@code 202} still matches anywhere.
     */
    public static boolean anchored(String text) {
        if (text == null) return false;
        String t = text.strip();
        return (t.startsWith("+") || t.startsWith("00")) && NUMBERISH.matcher(t).matches();
    }

    /** Trims and bounds a name from outside; blank → null. */
    public static String name(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty()) return null;
        return t.length() > MAX_NAME ? t.substring(0, MAX_NAME) : t;
    }

    private static void append(StringBuilder b, String s) {
        if (s == null || s.isBlank()) return;
        if (b.length() > 0) b.append(' ');
        b.append(s.strip());
    }
}
