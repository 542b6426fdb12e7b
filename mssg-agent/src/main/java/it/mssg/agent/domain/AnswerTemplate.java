package it.mssg.agent.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's small template language for approved answers: {@code {{name}}} or {@code {{name|fallback}}}.
 * A variable that is missing or blank takes its fallback (or nothing). Values are inserted as they are:
 * WhatsApp shows plain text, and the dashboard escapes whatever it displays.
 */
public final class AnswerTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_.\\-]*)\\s*(?:\\|([^}]*))?}}");

    private AnswerTemplate() {
    }

    public static String render(String template, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null || value.isBlank()) value = m.group(2) == null ? "" : m.group(2).strip();
            m.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
