package it.mssg.core.api;

import java.util.List;

/**
 * What the WhatsApp browser was stopped from reaching since the application started: known analytics and
 * crash-log endpoints, and anything else off its allow-list. Hosts only, never full addresses.
 *
 * @param hosts most blocked first
 */
public record BlockedRequestsView(long total, long analytics, long crashLogs, long notAllowed, List<Host> hosts) {

    public static final BlockedRequestsView NONE = new BlockedRequestsView(0, 0, 0, 0, List.of());

    public enum Category { ANALYTICS, CRASH_LOGS, NOT_ALLOWED }

    public record Host(String host, Category category, long count) {
    }

    public BlockedRequestsView {
        hosts = List.copyOf(hosts);
    }
}
