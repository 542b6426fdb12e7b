package it.mssg.core.domain.sending;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The inbound messages that opt a contact out. A message matches when, as a whole, it equals a keyword after
 * both are normalised: compatibility forms folded (full-width letters), accents removed (ARRÊT = ARRET),
 * lower-cased, invisible characters dropped, punctuation, symbols and emoji trimmed from both ends and inner
 * white space collapsed. "Stop!", "🛑 STOP" and "ｓｔｏｐ" opt out; "don't stop", "stop it please" do not: a
 * keyword inside a sentence is a conversation, not a request.
 */
public final class OptOutKeywords {

    /** Longer inbound texts are never an opt-out keyword; checked before normalising anything. */
    static final int MAX_MESSAGE_LENGTH = 64;
    static final int MAX_KEYWORD_LENGTH = 40;

    /** English, German/Scandinavian, Spanish, Portuguese, French, Italian, Dutch; the user can edit the list. */
    public static final List<String> DEFAULTS = List.of(
            "STOP", "STOP ALL", "UNSUBSCRIBE", "OPT OUT", "OPTOUT",
            "STOPP", "ABMELDEN",
            "PARAR", "BAJA", "DAR DE BAJA", "DARME DE BAJA",
            "SAIR", "DESCADASTRAR", "CANCELAR INSCRIÇÃO",
            "ARRÊT", "ARRET", "DÉSINSCRIRE", "DÉSABONNER",
            "DISISCRIVI", "DISISCRIVIMI", "CANCELLAMI",
            "AFMELDEN");

    /**
     * Always opt out, whatever the edited list says: the words people are told to send everywhere. A list that
     * dropped them would leave a contact with no way out, and a number that ignores STOP is soon reported.
     */
    public static final List<String> ALWAYS = List.of("STOP", "UNSUBSCRIBE");

    /** Shorter keywords ("ok", "no") are everyday replies: anyone answering with one would be opted out. */
    static final int MIN_KEYWORD_LENGTH = 3;

    private final List<String> keywords;
    private final Set<String> normalised;

    private OptOutKeywords(List<String> keywords, Set<String> normalised) {
        this.keywords = keywords;
        this.normalised = normalised;
    }

    public static OptOutKeywords defaults() {
        return of(DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException naming the first keyword that is empty after normalisation or too long
     */
    public static OptOutKeywords of(Collection<String> keywords) {
        Set<String> normalised = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String keyword : keywords) {
            String key = normalise(keyword);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("opt-out keyword \"" + keyword + "\" has no letters or digits");
            }
            if (key.length() < MIN_KEYWORD_LENGTH) {
                throw new IllegalArgumentException("opt-out keyword \"" + keyword.strip() + "\" is shorter than "
                        + MIN_KEYWORD_LENGTH + " characters: an everyday reply like it would opt people out");
            }
            if (key.length() > MAX_KEYWORD_LENGTH) {
                throw new IllegalArgumentException("opt-out keyword longer than " + MAX_KEYWORD_LENGTH
                        + " characters: \"" + keyword + "\"");
            }
            if (normalised.add(key)) {
                kept.add(keyword.strip());
            }
        }
        Set<String> matched = new LinkedHashSet<>(normalised);
        ALWAYS.forEach(k -> matched.add(normalise(k)));
        return new OptOutKeywords(List.copyOf(kept), Set.copyOf(matched));
    }

    /** The keywords as the user wrote them, duplicates (after normalisation) removed; {@link #ALWAYS} match besides. */
    public List<String> keywords() {
        return keywords;
    }

    public boolean matches(String inboundText) {
        if (inboundText == null || inboundText.length() > MAX_MESSAGE_LENGTH) {
            return false;
        }
        return normalised.contains(normalise(inboundText));
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.FORMAT || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            kept.appendCodePoint(Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp);
        }
        String lower = kept.toString().toLowerCase(Locale.ROOT);
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetterOrDigit(lower.codePointAt(start))) {
            start += Character.charCount(lower.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(lower.codePointBefore(end))) {
            end -= Character.charCount(lower.codePointBefore(end));
        }
        return lower.substring(start, end).replaceAll(" {2,}", " ");
    }
}
