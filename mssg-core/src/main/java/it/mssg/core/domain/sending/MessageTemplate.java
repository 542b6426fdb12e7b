package it.mssg.core.domain.sending;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * A parsed message template.
 *
 * <p>Syntax:
 * <ul>
 *   <li>{@code {{first_name}}}, {@code {{name}}}, {@code {{phone}}}, {@code {{field.<key>}}}: a contact's value;
 *       {@code {{first_name|there}}} falls back to "there" when the value is missing ({@code {{first_name|}}}
 *       falls back to nothing). A missing value without a fallback fails that recipient.</li>
 *   <li>{@code {Hi|Hello|Hey}}: spintax, one option chosen per recipient; options may be empty, may hold
 *       variables and nested spintax (up to {@value #MAX_DEPTH} levels). An option that itself starts with
 *       spintax needs a space or an escape after the first brace, since {@code {{} opens a variable.</li>
 *   <li>{@code \{ \} \| \\}: the character itself. Outside spintax {@code |} is plain text.</li>
 * </ul>
 *
 * <p>Rendering trims the text and folds runs of spaces (left by empty options) into one. Limits: a template
 * of at most {@value #MAX_SOURCE_LENGTH} characters; a rendered text of at most {@value #MAX_TEXT_LENGTH}
 * characters (code points). WhatsApp itself accepts about 65,536, but a chat message longer than 4,096 is a
 * pasted document or a runaway template, and it is folded behind "Read more" anyway.
 */
public final class MessageTemplate {

    public static final int MAX_TEXT_LENGTH = 4096;
    public static final int MAX_SOURCE_LENGTH = 16_384;
    public static final int MAX_DEPTH = 8;
    static final int MAX_PROBLEMS = 20;

    static final String FIRST_NAME = "first_name";
    static final String NAME = "name";
    static final String PHONE = "phone";
    static final String FIELD_PREFIX = "field.";
    private static final Pattern FIELD_KEY = Pattern.compile("[\\p{L}\\p{N}_-]{1,64}");

    private final String source;
    private final List<Node> nodes;
    private final Set<String> variables;

    private MessageTemplate(String source, List<Node> nodes, Set<String> variables) {
        this.source = source;
        this.nodes = nodes;
        this.variables = variables;
    }

    /** @throws TemplateException listing every problem with its position */
    public static MessageTemplate parse(String source) {
        Parser parser = new Parser(source == null ? "" : source);
        List<Node> nodes = parser.parseAll();
        if (!parser.problems.isEmpty()) {
            throw new TemplateException(parser.problems);
        }
        return new MessageTemplate(parser.source, nodes, Set.copyOf(parser.variables));
    }

    /** The problems {@link #parse} would report; empty when the template is usable. */
    public static List<TemplateProblem> check(String source) {
        Parser parser = new Parser(source == null ? "" : source);
        parser.parseAll();
        return List.copyOf(parser.problems);
    }

    public String source() {
        return source;
    }

    /** The variables used anywhere in the template, e.g. {@code first_name} or {@code field.city}. */
    public Set<String> variables() {
        return variables;
    }

    /** A seed that depends on the template and the recipient: the same recipient always sees the same choices. */
    public long seedFor(String recipientKey) {
        byte[] digest = TextFingerprint.sha256((source + '\u0000' + Objects.requireNonNull(recipientKey))
                .getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    }

    /** Renders for one recipient with {@link #seedFor} their key. */
    public RenderResult render(TemplateValues values, String recipientKey) {
        return render(values, seedFor(recipientKey));
    }

    public RenderResult render(TemplateValues values, long seed) {
        Objects.requireNonNull(values, "values");
        StringBuilder out = new StringBuilder();
        String missing = append(nodes, values, new SplittableRandom(seed), out);
        if (missing != null) {
            return RenderResult.failed(RenderResult.Failure.MISSING_VALUE, missing);
        }
        String text = out.toString().replaceAll(" {2,}", " ").strip();
        if (RenderResult.showsNothing(text)) {
            return RenderResult.failed(RenderResult.Failure.EMPTY_TEXT, null);
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            return RenderResult.failed(RenderResult.Failure.TOO_LONG, null);
        }
        return RenderResult.rendered(text);
    }

    /** Appends the rendering of {@code nodes}; returns the first variable without a value, or null. */
    private static String append(List<Node> nodes, TemplateValues values, SplittableRandom random, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text text) {
                out.append(text.text());
            } else if (node instanceof Variable variable) {
                String value = values.lookup(variable.name());
                if (value == null) {
                    value = variable.fallback();
                }
                if (value == null) {
                    return variable.name();
                }
                out.append(value);
            } else if (node instanceof Spin spin) {
                List<Node> option = spin.options().get(random.nextInt(spin.options().size()));
                String missing = append(option, values, random, out);
                if (missing != null) {
                    return missing;
                }
            }
            if (out.length() > 4 * MAX_TEXT_LENGTH) {
                break; // already far too long: stop building, the length check reports it
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return source;
    }

    private sealed interface Node permits Text, Variable, Spin {
    }

    private record Text(String text) implements Node {
    }

    private record Variable(String name, String fallback) implements Node {
    }

    private record Spin(List<List<Node>> options) implements Node {
    }

    private static final class Parser {
        private final String source;
        private final List<TemplateProblem> problems = new ArrayList<>();
        private final Set<String> variables = new LinkedHashSet<>();
        private int i;

        Parser(String source) {
            this.source = source;
        }

        List<Node> parseAll() {
            if (source.length() > MAX_SOURCE_LENGTH) {
                problem(0, "template is longer than " + MAX_SOURCE_LENGTH + " characters");
                return List.of();
            }
            if (source.isBlank()) {
                problem(0, "template is empty");
                return List.of();
            }
            return sequence(0);
        }

        /** Parses until the end, or (inside spintax, depth > 0) until an unescaped | or }. */
        private List<Node> sequence(int depth) {
            List<Node> nodes = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\\' && i + 1 < source.length() && "{}|\\".indexOf(source.charAt(i + 1)) >= 0) {
                    text.append(source.charAt(i + 1));
                    i += 2;
                } else if (c == '{' && source.startsWith("{{", i)) {
                    flush(text, nodes);
                    Node variable = variable();
                    if (variable != null) {
                        nodes.add(variable);
                    }
                } else if (c == '{') {
                    flush(text, nodes);
                    Node spin = spin(depth + 1);
                    if (spin != null) {
                        nodes.add(spin);
                    }
                } else if (depth > 0 && (c == '|' || c == '}')) {
                    break;
                } else if (c == '}') {
                    problem(i, "unmatched } (write \\} for a brace)");
                    i++;
                } else {
                    text.append(c);
                    i++;
                }
            }
            flush(text, nodes);
            return nodes;
        }

        private Node variable() {
            int start = i;
            int close = source.indexOf("}}", i + 2);
            if (close < 0) {
                problem(start, "unclosed variable: {{ without }}");
                i = source.length();
                return null;
            }
            String inside = source.substring(i + 2, close);
            i = close + 2;
            int bar = inside.indexOf('|');
            String name = (bar < 0 ? inside : inside.substring(0, bar)).strip();
            String fallback = bar < 0 ? null : inside.substring(bar + 1).strip();
            if (name.isEmpty()) {
                problem(start, "empty variable {{}}");
                return null;
            }
            boolean known = name.equals(FIRST_NAME) || name.equals(NAME) || name.equals(PHONE)
                    || (name.startsWith(FIELD_PREFIX) && FIELD_KEY.matcher(name.substring(FIELD_PREFIX.length())).matches());
            if (!known) {
                problem(start, "unknown variable {{" + name + "}}: use first_name, name, phone or field.<key>");
                return null;
            }
            if (fallback != null && (fallback.indexOf('{') >= 0 || fallback.indexOf('}') >= 0)) {
                problem(start, "the fallback of {{" + name + "}} cannot contain braces");
                return null;
            }
            variables.add(name);
            return new Variable(name, fallback);
        }

        private Node spin(int depth) {
            int start = i;
            if (depth > MAX_DEPTH) {
                problem(start, "spintax nested deeper than " + MAX_DEPTH + " levels");
                i = source.length(); // stop here rather than recurse through a hostile text
                return null;
            }
            i++; // the opening brace
            List<List<Node>> options = new ArrayList<>();
            while (true) {
                options.add(sequence(depth));
                if (i >= source.length()) {
                    problem(start, "unclosed { (spintax needs a closing }, or write \\{ for a brace)");
                    return null;
                }
                char c = source.charAt(i++);
                if (c == '}') {
                    break;
                }
            }
            if (options.size() < 2) {
                problem(start, "spintax needs at least two options separated by | (a variable is written {{name}})");
                return null;
            }
            return new Spin(List.copyOf(options));
        }

        private static void flush(StringBuilder text, List<Node> nodes) {
            if (text.length() > 0) {
                nodes.add(new Text(text.toString()));
                text.setLength(0);
            }
        }

        private void problem(int index, String message) {
            if (problems.size() == MAX_PROBLEMS) {
                return; // enough to fix first; a pasted document should not produce thousands
            }
            problems.add(TemplateProblem.at(source, index, message));
        }
    }
}
