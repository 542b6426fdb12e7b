package it.mssg.web.whatsapp;

import it.mssg.core.api.BlockedRequestsView;

import java.util.ArrayList;
import java.util.List;

/**
 * The WhatsApp screen's privacy card: how many requests of the WhatsApp browser were blocked since start, by
 * category in words ("Blocked requests: 3 (analytics 2, crash logs 1)"), and the hosts they were for.
 */
public record BlockedRequestsPanel(String summary, List<Row> rows) {

    public record Row(String host, String why, long count) {
    }

    public static BlockedRequestsPanel of(BlockedRequestsView view) {
        List<String> parts = new ArrayList<>();
        if (view.analytics() > 0) {
            parts.add("analytics " + view.analytics());
        }
        if (view.crashLogs() > 0) {
            parts.add("crash logs " + view.crashLogs());
        }
        if (view.notAllowed() > 0) {
            parts.add("other hosts " + view.notAllowed());
        }
        String summary = "Blocked requests: " + view.total() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
        List<Row> rows = view.hosts().stream().map(h -> new Row(h.host(), why(h.category()), h.count())).toList();
        return new BlockedRequestsPanel(summary, rows);
    }

    private static String why(BlockedRequestsView.Category category) {
        return switch (category) {
            case ANALYTICS -> "analytics";
            case CRASH_LOGS -> "crash logs";
            case NOT_ALLOWED -> "not a WhatsApp host";
        };
    }
}
