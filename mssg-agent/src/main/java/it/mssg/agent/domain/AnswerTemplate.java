package it.mssg.agent.domain;

import it.mssg.core.api.CampaignDraft;
import it.mssg.core.api.InvalidInputException;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The approved answers' templates: core's template syntax without the {a|b} choices, since an approved answer is
 * sent exactly as the user approved it. {@code {{first_name}}}, {@code {{name}}}, {@code {{phone}}} and
 * {@code {{field.<key>}}} insert a contact's value, {@code {{first_name|there}}} falls back to "there";
 * {@code \{ \} \| \\} are the characters themselves. Values are inserted as they are: WhatsApp shows plain text,
 * and the dashboard escapes whatever it displays.
 *
 * <p>Fail closed: a template with a mistake, or a variable without a value and without a fallback, renders to no
 * text at all, never to a half-filled one.
 */
public final class AnswerTemplate {

    /**
     * After core's check has passed: an escaped character, a variable (name, optional fallback), or a brace
     * left over, which can only belong to an {a|b} choice.
     */
    private static final Pattern PART = Pattern.compile("\\\\([{}|\\\\])|\\{\\{([^{}|]*)(?:\\|([^{}]*))?}}|[{}]");

    private AnswerTemplate() {
    }

    /** An answer filled in for one contact: the text, or why nothing may be sent. */
    public record Rendered(String text, String problem) {
        public Rendered {
            if ((text == null) == (problem == null)) throw new IllegalArgumentException("a text or a problem");
        }

        public boolean ok() {
            return text != null;
        }
    }

    /**
     * What is wrong with {@code template} as an approved answer, with line and column, or empty when it can be
     * saved. Unknown variables and unbalanced braces are found by core's template check (the one message
     * templates and quick replies use), so the agent accepts exactly the variables core knows.
     */
    public static Optional<String> problem(String template) {
        try {
            // core's api offers its template check through CampaignDraft, which checks its template when made;
            // the name and the empty audience (everyone) are always valid
            new CampaignDraft("approved answer", "", template);
        } catch (InvalidInputException e) {
            return Optional.of(e.getMessage());
        }
        Matcher m = PART.matcher(template);
        while (m.find()) {
            if (m.group(0).length() == 1) {
                return Optional.of(position(template, m.start()) + ": an approved answer is sent as written and cannot"
                        + " choose among {a|b} options (write \\{ and \\} for braces)");
            }
        }
        return Optional.empty();
    }

    /** The answer for a contact whose values are {@code variables} (first_name, name, phone, field.key). */
    public static Rendered render(String template, Map<String, String> variables) {
        Optional<String> problem = problem(template);
        if (problem.isPresent()) return new Rendered(null, problem.get());
        Matcher m = PART.matcher(template);
        while (m.find()) {
            boolean variableWithoutFallback = m.group(2) != null && m.group(3) == null;
            if (variableWithoutFallback && value(variables, m.group(2).strip()) == null) {
                return new Rendered(null, "no value for {{" + m.group(2).strip() + "}} and no fallback");
            }
        }
        String text = fill(template, (name, fallback) -> {
            String value = value(variables, name);
            return value != null ? value : fallback;
        });
        if (text.isBlank()) return new Rendered(null, "the answer would be empty");
        return new Rendered(text.strip(), null);
    }

    /**
     * The answer as the "test a message" box shows it, with no contact: fallbacks filled in, variables without
     * one left as written. Assumes {@link #problem} found nothing.
     */
    public static String preview(String template) {
        return fill(template, (name, fallback) -> fallback != null ? fallback : "{{" + name + "}}").strip();
    }

    /** Replaces escapes by their character and each variable by {@code value.apply(name, fallback)}. */
    private static String fill(String template, BiFunction<String, String, String> value) {
        Matcher m = PART.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null ? m.group(1)
                    : m.group(2) != null ? value.apply(m.group(2).strip(), m.group(3) == null ? null : m.group(3).strip())
                    : m.group(0);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A contact's value, or null when missing or blank; custom field names compare ignoring case, as in core. */
    private static String value(Map<String, String> variables, String name) {
        String value = variables.get(name);
        if (value == null && name.startsWith("field.")) {
            for (Map.Entry<String, String> e : variables.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) value = e.getValue();
            }
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "line L, column C" of {@code index}, as core's template problems say it. */
    private static String position(String text, int index) {
        int line = 1, column = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }
}
