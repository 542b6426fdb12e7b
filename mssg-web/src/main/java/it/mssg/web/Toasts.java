package it.mssg.web;

import jakarta.servlet.http.HttpServletResponse;

/** Outcome messages: an {@code HX-Trigger} header that the page's script turns into a toast. */
public final class Toasts {

    private Toasts() {
    }

    public static void success(HttpServletResponse response, String message) {
        add(response, "success", message);
    }

    public static void error(HttpServletResponse response, String message) {
        add(response, "error", message);
    }

    private static void add(HttpServletResponse response, String level, String message) {
        response.setHeader("HX-Trigger", "{\"toast\":{\"level\":" + json(level) + ",\"message\":" + json(message) + "}}");
    }

    /** JSON string literal; non-ASCII is escaped too, since header values travel as Latin-1. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
