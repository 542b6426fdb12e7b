package it.mssg.agent.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a drafted text before anyone sees it: e-mail addresses, phone numbers, IBANs and
 * payment card numbers. Deliberately eager: a false alarm costs a suggestion, a miss could leak data.
 */
public final class PersonalDataScanner {

    public enum Kind { EMAIL, PHONE, IBAN, CARD }

    public record Finding(Kind kind, int start, int end) {
    }

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]){11,30}\\b", Pattern.CASE_INSENSITIVE);
    /** Runs of 7 to 19 digits, allowing spaces, dots, dashes, slashes and brackets between them. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d(?:[\\s.\\-/()]{0,2}\\d){6,18}");

    private PersonalDataScanner() {
    }

    public static List<Finding> scan(String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) return findings;
        add(findings, EMAIL.matcher(text), Kind.EMAIL);
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            if (validIban(iban.group())) findings.add(new Finding(Kind.IBAN, iban.start(), iban.end()));
        }
        Matcher digits = DIGIT_RUN.matcher(text);
        while (digits.find()) {
            if (overlaps(findings, digits.start(), digits.end())) continue;
            String bare = digits.group().replaceAll("\\D", "");
            Kind kind = bare.length() >= 13 && luhn(bare) ? Kind.CARD : Kind.PHONE;
            findings.add(new Finding(kind, digits.start(), digits.end()));
        }
        return findings;
    }

    public static Set<Kind> kinds(String text) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        scan(text).forEach(f -> kinds.add(f.kind()));
        return kinds;
    }

    public static boolean containsPersonalData(String text) {
        return !scan(text).isEmpty();
    }

    private static void add(List<Finding> findings, Matcher m, Kind kind) {
        while (m.find()) findings.add(new Finding(kind, m.start(), m.end()));
    }

    private static boolean overlaps(List<Finding> findings, int start, int end) {
        return findings.stream().anyMatch(f -> start < f.end() && f.start() < end);
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, remainder mod 97 is 1. */
    static boolean validIban(String candidate) {
        String iban = candidate.replace(" ", "").toUpperCase();
        if (iban.length() < 15 || iban.length() > 34) return false;
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            if (value < 0 || value > 35) return false;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
