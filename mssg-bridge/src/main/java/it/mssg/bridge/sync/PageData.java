package it.mssg.bridge.sync;

import it.mssg.core.api.WaAck;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaLabel;
import it.mssg.core.api.WaMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the plain objects the shim hands over into core's records. Page data is untrusted: anything missing
 * or of the wrong type becomes null or a default, never an exception that would lose the rest of a page.
 */
public final class PageData {

    private PageData() {
    }

    public static WaMessage message(Map<?, ?> m) {
        String id = text(m.get("id"));
        String chat = text(m.get("chat"));
        boolean fromMe = bool(m.get("fromMe"));
        if (chat == null) {
            chat = fromMe ? text(m.get("to")) : text(m.get("from"));
        }
        if (id == null || chat == null) {
            return null;
        }
        return new WaMessage(id, chat, text(m.get("author")), fromMe, text(m.get("body")), text(m.get("type")),
                Instant.ofEpochSecond(number(m.get("t"), 0)), (int) number(m.get("ack"), 0));
    }

    public static WaContact contact(Map<?, ?> c, List<String> labelIds) {
        String id = text(c.get("id"));
        if (id == null) {
            return null;
        }
        return new WaContact(id, text(c.get("name")), text(c.get("pushname")), bool(c.get("isBusiness")),
                bool(c.get("isMyContact")), labelIds);
    }

    public static WaChat chat(Map<?, ?> c) {
        String id = text(c.get("id"));
        if (id == null) {
            return null;
        }
        return new WaChat(id, text(c.get("name")), bool(c.get("isGroup")), (int) number(c.get("unreadCount"), 0),
                Instant.ofEpochSecond(number(c.get("t"), 0)), texts(c.get("labels")));
    }

    public static WaLabel label(Map<?, ?> l) {
        String id = text(l.get("id"));
        return id == null ? null : new WaLabel(id, text(l.get("name")), text(l.get("hexColor")));
    }

    public static WaAck ack(Map<?, ?> event) {
        String chat = text(event.get("chat"));
        List<String> ids = texts(event.get("ids"));
        if (chat == null || ids.isEmpty()) {
            return null;
        }
        return new WaAck(chat, ids, (int) number(event.get("ack"), 0));
    }

    public static String text(Object value) {
        return value instanceof String s ? s : value == null ? null : String.valueOf(value);
    }

    public static boolean bool(Object value) {
        return value instanceof Boolean b && b;
    }

    public static long number(Object value, long fallback) {
        return value instanceof Number n ? n.longValue() : fallback;
    }

    public static List<String> texts(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o != null) {
                    out.add(String.valueOf(o));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> map) {
                    out.add((Map<String, Object>) map);
                }
            }
        }
        return out;
    }
}
