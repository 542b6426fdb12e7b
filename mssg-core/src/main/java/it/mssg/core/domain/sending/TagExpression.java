package it.mssg.core.domain.sending;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which contacts a campaign reaches by their tags: at least one of {@code any} (if any are given), every one of
 * {@code all}, none of {@code exclude}. Tags compare case-insensitively after trimming. An expression with no
 * tags at all matches everyone, which screens should confirm ({@link #selectsEveryone()}).
 *
 * <p>Text form, for the API and the search box: tags separated by spaces or commas; a bare tag goes to
 * {@code any}, {@code +tag} to {@code all}, {@code -tag} to {@code exclude}; a tag with spaces or commas is
 * quoted: {@code vip, lead +"north italy" -competitor}; a double quote inside a quoted tag is written twice, as in
 * CSV: {@code "12"" pizza"} is the tag {@code 12" pizza}.
 */
public record TagExpression(Set<String> any, Set<String> all, Set<String> exclude) {

    static final int MAX_TAG_LENGTH = 64;

    public TagExpression {
        any = normalised(any, "any");
        all = normalised(all, "all");
        exclude = normalised(exclude, "exclude");
        for (String tag : exclude) {
            if (any.contains(tag) || all.contains(tag)) {
                throw new TagExpressionException("tag \"" + tag + "\" is both included and excluded", -1);
            }
        }
    }

    public static TagExpression everyone() {
        return new TagExpression(Set.of(), Set.of(), Set.of());
    }

    /** Every tag the expression names (included, required or excluded), in lower case. */
    public Set<String> tagsNamed() {
        Set<String> out = new LinkedHashSet<>(any);
        out.addAll(all);
        out.addAll(exclude);
        return Collections.unmodifiableSet(out);
    }

    public boolean selectsEveryone() {
        return any.isEmpty() && all.isEmpty() && exclude.isEmpty();
    }

    public boolean matches(Set<String> contactTags) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : contactTags) {
            tags.add(normalise(tag));
        }
        if (!any.isEmpty() && Collections.disjoint(any, tags)) {
            return false;
        }
        return tags.containsAll(all) && Collections.disjoint(exclude, tags);
    }

    /**
     * Parses the text form as a person or a script wrote it. Words and signs of other query languages ({@code and},
     * {@code or}, {@code not}, {@code &&}, {@code ||}, {@code !tag}, parentheses) are refused unless quoted: this form
     * would take them as tag names, and {@code vip and not competitor} would then reach the competitors.
     *
     * @throws TagExpressionException with the position of the problem
     */
    public static TagExpression parse(String text) {
        return parse(text, true);
    }

    /**
     * Reads a stored text form. Those stored before {@link #parse} refused operator words keep the meaning they
     * had (every such word a tag name); {@link #toText()} now quotes them.
     */
    public static TagExpression readStored(String text) {
        return parse(text, false);
    }

    private static TagExpression parse(String text, boolean refuseOperators) {
        if (text == null) {
            throw new TagExpressionException("tag expression is missing", 0);
        }
        Set<String> any = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        Set<String> exclude = new LinkedHashSet<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int tokenStart = i;
            Set<String> target = any;
            if (c == '+' || c == '-') {
                target = c == '+' ? all : exclude;
                i++;
            }
            String tag;
            if (i < n && text.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = i + 1;
                while (true) {
                    int close = text.indexOf('"', j);
                    if (close < 0) {
                        throw new TagExpressionException("unclosed quote", i);
                    }
                    quoted.append(text, j, close);
                    if (close + 1 < n && text.charAt(close + 1) == '"') { // "" inside quotes: one quote of the name
                        quoted.append('"');
                        j = close + 2;
                        continue;
                    }
                    i = close + 1;
                    break;
                }
                tag = quoted.toString();
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != ','
                        && text.charAt(end) != '"') {
                    end++;
                }
                tag = text.substring(i, end);
                if (refuseOperators) {
                    String mistake = operatorMistake(tag);
                    if (mistake != null) throw new TagExpressionException(mistake, i);
                }
                i = end;
            }
            String key = normalise(tag);
            if (key.isEmpty()) {
                throw new TagExpressionException("empty tag", tokenStart);
            }
            if (key.length() > MAX_TAG_LENGTH) {
                throw new TagExpressionException("tag longer than " + MAX_TAG_LENGTH + " characters", tokenStart);
            }
            target.add(key);
        }
        return new TagExpression(any, all, exclude);
    }

    /** The text form; {@code parse(toText())} gives an equal expression. */
    public String toText() {
        List<String> parts = new ArrayList<>();
        any.forEach(tag -> parts.add(quoted(tag)));
        all.forEach(tag -> parts.add("+" + quoted(tag)));
        exclude.forEach(tag -> parts.add("-" + quoted(tag)));
        return String.join(" ", parts);
    }

    private static String quoted(String tag) {
        boolean plain = !tag.isEmpty() && tag.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == ',' || ch == '"')
                && tag.charAt(0) != '+' && tag.charAt(0) != '-' && operatorMistake(tag) == null;
        return plain ? tag : "\"" + tag.replace("\"", "\"\"") + "\"";
    }

    /** What is wrong with an unquoted word that reads as another query language's operator, or null if nothing. */
    private static String operatorMistake(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String quoteIt = "; a tag with this name is written in quotes: \"" + word.replace("\"", "\"\"") + "\"";
        if (w.equals("and") || w.equals("&&") || w.equals("&")) {
            return "\"" + word + "\" is not an operator here: write +tag for a tag they must also have (vip +lead)" + quoteIt;
        }
        if (w.equals("or") || w.equals("||") || w.equals("|")) {
            return "\"" + word + "\" is not an operator here: tags side by side already mean any of them (vip lead)" + quoteIt;
        }
        if (w.equals("not") || w.startsWith("!")) {
            return "\"" + word + "\" is not an operator here: write -tag to leave people with a tag out (vip -competitor)" + quoteIt;
        }
        if (w.startsWith("(") || w.endsWith(")")) {
            return "parentheses do not group tags here: bare tags mean any of them, +tag must also have, -tag leave out" + quoteIt;
        }
        return null;
    }

    private static Set<String> normalised(Set<String> tags, String name) {
        if (tags == null) {
            throw new TagExpressionException(name + " tags are missing", -1);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            String key = normalise(tag);
            if (key.isEmpty()) {
                throw new TagExpressionException("empty tag in " + name, -1);
            }
            out.add(key);
        }
        return Collections.unmodifiableSet(out);
    }

    static String normalise(String tag) {
        return tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
    }

    /** A tag expression that cannot be used; {@code position} is the character index in the text form, or -1. */
    public static final class TagExpressionException extends IllegalArgumentException {
        private final int position;

        public TagExpressionException(String message, int position) {
            super(position >= 0 ? message + " at position " + position : message);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }
}
