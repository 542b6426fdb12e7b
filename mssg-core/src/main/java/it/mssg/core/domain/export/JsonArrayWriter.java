package it.mssg.core.domain.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON array of objects one object at a time, so an export of any size never sits in memory.
 * Values: null, Boolean, Number, String, a List or a Map of those; anything else is written as its string.
 */
public final class JsonArrayWriter {

    private final Writer out;
    private boolean first = true;

    public JsonArrayWriter(Writer out) {
        this.out = out;
        raw("[");
    }

    public void write(Map<String, ?> object) {
        raw(first ? "\n" : ",\n");
        first = false;
        value(object);
    }

    /** Closes the array; the writer stays open. */
    public void finish() {
        raw(first ? "]\n" : "\n]\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void value(Object v) {
        if (v == null) {
            raw("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short) {
            raw(v.toString());
        } else if (v instanceof Map<?, ?> m) {
            raw("{");
            boolean firstKey = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!firstKey) raw(",");
                firstKey = false;
                string(String.valueOf(e.getKey()));
                raw(":");
                value(e.getValue());
            }
            raw("}");
        } else if (v instanceof List<?> l) {
            raw("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) raw(",");
                value(l.get(i));
            }
            raw("]");
        } else {
            string(v.toString());
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped; U+2028/2029 too, for safe embedding. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private void string(String s) {
        raw(quote(s));
    }

    private void raw(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
