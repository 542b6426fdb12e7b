package it.mssg.core.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a phone number as people write it into E.164 ({@code +393331234567}), or says why it cannot.
 * <p>
 * Rules: {@code +} or {@code 00} means international. Otherwise the number is read in the default region;
 * when it is ALSO a valid international number without its {@code +} and the two readings differ, it is
 * ambiguous and rejected with both readings in the reason. Letters, spreadsheet-mangled numbers
 * ({@code 3.93E+11}) and numbers libphonenumber does not consider valid are rejected with a reason.
 * Thread-safe.
 */
public final class PhoneNumbers {

    public enum Problem {
        EMPTY, NOT_A_NUMBER, TOO_SHORT, TOO_LONG, UNKNOWN_COUNTRY, INVALID, AMBIGUOUS, NO_REGION
    }

    /** The outcome: either {@link Valid} or {@link Invalid}. */
    public sealed interface Result permits Valid, Invalid {
        default boolean valid() {
            return this instanceof Valid;
        }
    }

    public record Valid(String e164) implements Result {
    }

    public record Invalid(Problem problem, String reason) implements Result {
    }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final java.util.Map<String, String> NATIONAL_PREFIX = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern SPREADSHEET = Pattern.compile("\\d(?:[.,]\\d+)?[eE]\\+?\\d+");
    private static final Pattern ALLOWED = Pattern.compile("[0-9+\\s\\-()./]+");
    /** Spaces of every kind (no-break U+00A0, narrow no-break U+202F, thin, figure …): spreadsheets and phones write them. */
    private static final Pattern ANY_SPACE = Pattern.compile("\\p{Zs}");
    /** Hyphens and dashes (U+2010–U+2015) and the minus sign (U+2212), as word processors turn "-" into them. */
    private static final Pattern ANY_DASH = Pattern.compile("[\\u2010-\\u2015\\u2212]");

    private PhoneNumbers() {
    }

    public static Result normalise(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return new Invalid(Problem.EMPTY, "no phone number");
        }
        String text = plainSpacesAndDashes(raw).strip();
        if (text.startsWith("'")) {
            text = text.substring(1).strip(); // a spreadsheet "text" marker, as our own export writes
        }
        if (SPREADSHEET.matcher(text).matches()) {
            return new Invalid(Problem.NOT_A_NUMBER,
                    "looks like a number a spreadsheet turned into " + text + "; format the column as text and export again");
        }
        if (!ALLOWED.matcher(text).matches()) {
            return new Invalid(Problem.NOT_A_NUMBER, "not a phone number (only digits, spaces, + - ( ) . / are allowed)");
        }
        boolean international = text.startsWith("+") || text.startsWith("00");
        String digits = digits(text);
        if (text.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (text.indexOf('+', 1) >= 0) {
            return new Invalid(Problem.NOT_A_NUMBER, "not a phone number (+ in the middle)");
        }
        if (digits.length() < 5) {
            return new Invalid(Problem.TOO_SHORT, "too short to be a phone number");
        }
        if (digits.length() > 17) {
            return new Invalid(Problem.TOO_LONG, "too long to be a phone number");
        }
        if (international) {
            PhoneNumber n = fastInternational(digits);
            if (n != null) return valid(n);
            n = parse("+" + digits, "ZZ");
            if (n == null) {
                return new Invalid(Problem.UNKNOWN_COUNTRY, "unknown country code in +" + digits);
            }
            return UTIL.isValidNumber(n) ? valid(n) : invalid(n);
        }
        if (defaultRegion == null || !UTIL.getSupportedRegions().contains(defaultRegion)) {
            return new Invalid(Problem.NO_REGION, "write the number with + and its country code (no default country is set)");
        }
        PhoneNumber national = fastNational(digits, defaultRegion);
        if (national == null) {
            // rarer national forms (carrier codes, special trunk prefixes): libphonenumber's full parser
            PhoneNumber parsed = parse(digits, defaultRegion);
            if (parsed != null && UTIL.isValidNumber(parsed)) national = parsed;
        }
        PhoneNumber intl = digits.charAt(0) == '0' ? null : fastInternational(digits);
        if (national != null && intl != null) {
            String a = e164(national);
            String b = e164(intl);
            if (!a.equals(b)) {
                return new Invalid(Problem.AMBIGUOUS, "ambiguous: " + a + " (" + regionName(UTIL.getRegionCodeForNumber(national))
                        + ") or " + b + " (" + regionName(UTIL.getRegionCodeForNumber(intl)) + "); write it with + and the country code");
            }
        }
        if (national != null) return valid(national);
        if (intl != null) return valid(intl);
        PhoneNumber parsed = parse(digits, defaultRegion);
        if (parsed == null) {
            return new Invalid(Problem.NOT_A_NUMBER, "not a phone number");
        }
        return invalid(parsed);
    }

    /*
     * Fast paths. libphonenumber's parse() runs several regular expressions per call (about 6 µs here);
     * for digit-only input the few candidate readings can be built directly and checked with
     * isValidNumber(), which keeps a 100k-row import well under a second. Anything the fast paths do not
     * accept goes through parse(), so results never depend on them except in speed.
     */

    /** {@code digits} after a {@code +}: country codes are prefix-free, so at most one split is right. */
    private static PhoneNumber fastInternational(String digits) {
        for (int len = 1; len <= 3 && len < digits.length(); len++) {
            int cc = Integer.parseInt(digits.substring(0, len));
            if (!"ZZ".equals(UTIL.getRegionCodeForCountryCode(cc))) {
                PhoneNumber n = build(cc, digits.substring(len));
                return n != null && UTIL.isPossibleNumber(n) && isValid(n, UTIL.getRegionCodeForCountryCode(cc)) ? n : null;
            }
        }
        return null;
    }

    /** National readings in the order parse() prefers: without the trunk prefix, as written, without a repeated country code. */
    private static PhoneNumber fastNational(String digits, String region) {
        int cc = UTIL.getCountryCodeForRegion(region);
        if (cc == 0) return null;
        String np = NATIONAL_PREFIX.computeIfAbsent(region, r -> {
            String p = UTIL.getNddPrefixForRegion(r, true);
            return p == null ? "" : p;
        });
        if (np != null && !np.isEmpty() && digits.startsWith(np) && digits.length() > np.length()) {
            PhoneNumber n = build(cc, digits.substring(np.length()));
            if (n != null && isValid(n, region)) return n;
        }
        PhoneNumber n = build(cc, digits);
        if (n != null && isValid(n, region)) return n;
        String ccs = String.valueOf(cc);
        if (digits.startsWith(ccs) && digits.length() > ccs.length() + 3) {
            n = build(cc, digits.substring(ccs.length()));
            if (n != null && isValid(n, region)) return n;
        }
        return null;
    }

    private static PhoneNumber build(int cc, String nsn) {
        if (nsn.length() < 2 || nsn.length() > 17) return null;
        PhoneNumber n = new PhoneNumber().setCountryCode(cc).setNationalNumber(Long.parseLong(nsn));
        int zeros = 0;
        while (zeros < nsn.length() - 1 && nsn.charAt(zeros) == '0') zeros++;
        if (zeros > 0) {
            n.setItalianLeadingZero(true);
            if (zeros > 1) n.setNumberOfLeadingZeros(zeros);
        }
        return n;
    }

    /**
     * Digits of a number for searching as people type it at home, e.g. {@code 0612345678} for {@code +31612345678}.
     * Every stored contact's {@code search_text} holds them, so an import computes them 100k times: the number is
     * split without parse() where that gives what parse() gives ({@link #fromE164}).
     */
    public static String nationalDigits(String e164) {
        PhoneNumber n = fromE164(e164);
        if (n == null) n = parse(e164, "ZZ");
        return n == null ? "" : digits(UTIL.format(n, PhoneNumberFormat.NATIONAL));
    }

    /** {@link #nationalDigits} by parse() alone: what the fast path must equal (tests compare the two). */
    static String nationalDigitsByParse(String e164) {
        PhoneNumber n = parse(e164, "ZZ");
        return n == null ? "" : digits(UTIL.format(n, PhoneNumberFormat.NATIONAL));
    }

    /**
     * {@code +<digits>} as parse() reads it, without its regular expressions: the calling code (prefix-free, so at
     * most one split is right) and the rest as the national number. parse() would also strip a national prefix at
     * the start of the rest (e.g. Russia's 8), so such numbers, calling codes without a region (+800 …) and
     * anything but {@code +} and digits return null and take parse().
     */
    private static PhoneNumber fromE164(String e164) {
        if (e164 == null || e164.length() < 4 || e164.length() > 19 || e164.charAt(0) != '+') return null;
        for (int i = 1; i < e164.length(); i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') return null;
        }
        for (int len = 1; len <= 3 && len + 1 < e164.length(); len++) {
            int cc = Integer.parseInt(e164, 1, 1 + len, 10);
            String region = UTIL.getRegionCodeForCountryCode(cc);
            if ("ZZ".equals(region)) continue;
            if (!UTIL.getSupportedRegions().contains(region)) return null;
            String nsn = e164.substring(1 + len);
            String np = NATIONAL_PREFIX.computeIfAbsent(region, r -> {
                String p = UTIL.getNddPrefixForRegion(r, true);
                return p == null ? "" : p;
            });
            if (!np.isEmpty() && nsn.startsWith(np)) return null;
            return build(cc, nsn);
        }
        return null;
    }

    /** A readable international form, e.g. {@code +39 333 123 4567}; the input when it cannot be parsed. */
    public static String pretty(String e164) {
        PhoneNumber n = parse(e164, "ZZ");
        return n == null ? e164 : UTIL.format(n, PhoneNumberFormat.INTERNATIONAL);
    }

    public static boolean isSupportedRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region);
    }

    public static int callingCode(String region) {
        return UTIL.getCountryCodeForRegion(region);
    }

    /** English name of a region, e.g. Italy for IT. */
    public static String regionName(String region) {
        if (region == null || "ZZ".equals(region) || "001".equals(region)) return "international";
        String name = new Locale("", region).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? region : name;
    }

    /** Supported regions as (code, English name, calling code), sorted by name. */
    public static List<Region> regions() {
        Set<String> codes = UTIL.getSupportedRegions();
        return codes.stream().map(c -> new Region(c, regionName(c), callingCode(c)))
                .sorted(Comparator.comparing(Region::name)).toList();
    }

    public record Region(String code, String name, int callingCode) {
    }

    /** Other spaces become {@code ' '} and dashes {@code '-'}; plain ASCII (nearly every number) is returned as it is. */
    static String plainSpacesAndDashes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return ANY_DASH.matcher(ANY_SPACE.matcher(s).replaceAll(" ")).replaceAll("-");
            }
        }
        return s;
    }

    static String digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') b.append(c);
        }
        return b.toString();
    }

    private static PhoneNumber parse(String s, String region) {
        try {
            return UTIL.parse(s, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String e164(PhoneNumber n) {
        return UTIL.format(n, PhoneNumberFormat.E164);
    }

    private static Valid valid(PhoneNumber n) {
        return new Valid(e164(n));
    }

    /**
     * isValidNumber() first looks for the number's region by testing it against every region sharing the
     * calling code, then tests it again; trying the likely region first halves the work for most numbers.
     */
    private static boolean isValid(PhoneNumber n, String likelyRegion) {
        return (likelyRegion != null && UTIL.isValidNumberForRegion(n, likelyRegion)) || UTIL.isValidNumber(n);
    }

    private static Invalid invalid(PhoneNumber n) {
        String region = UTIL.getRegionCodeForCountryCode(n.getCountryCode());
        if ("ZZ".equals(region)) {
            return new Invalid(Problem.UNKNOWN_COUNTRY, "unknown country code +" + n.getCountryCode());
        }
        String where = regionName(region);
        return switch (UTIL.isPossibleNumberWithReason(n)) {
            case TOO_SHORT -> new Invalid(Problem.TOO_SHORT, "too short for a number in " + where);
            case TOO_LONG -> new Invalid(Problem.TOO_LONG, "too long for a number in " + where);
            case INVALID_COUNTRY_CODE -> new Invalid(Problem.UNKNOWN_COUNTRY, "unknown country code +" + n.getCountryCode());
            default -> new Invalid(Problem.INVALID, "not a valid number in " + where);
        };
    }
}
