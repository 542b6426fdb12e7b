package it.mssg.agent.domain;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Exact word and phrase rules that work in any language: case and accents are ignored, and a rule matches
 * whole words only ("refund" matches "a refund!" but not "refunded"; write both to catch both).
 */
public final class TextRules {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextRules() {
    }

    /** Lower case, accents removed, every run of non-letters and non-digits made one space, padded by spaces. */
    public static String normalize(String text) {
        if (text == null) return " ";
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return " " + NOT_WORD.matcher(plain).replaceAll(" ").strip() + " ";
    }

    /** The first rule that occurs in the text as whole words, if any. */
    public static Optional<String> firstHit(String text, Collection<String> rules) {
        if (rules.isEmpty()) return Optional.empty();
        return firstHitInNormalized(normalize(text), rules);
    }

    /** As {@link #firstHit}, for a text already passed through {@link #normalize} (saves work in loops). */
    public static Optional<String> firstHitInNormalized(String haystack, Collection<String> rules) {
        for (String rule : rules) {
            String needle = normalize(rule);
            if (needle.isBlank()) continue;
            if (haystack.contains(needle)) return Optional.of(rule);
        }
        return Optional.empty();
    }
}
