package it.mssg.web.security;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} header values may reach the app. Checking the host stops DNS rebinding: a web page on
 * evil.example that points its name at 127.0.0.1 still sends {@code Host: evil.example}.
 */
final class HostAllowList {

    private static final List<String> ALWAYS = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> hosts = new HashSet<>();

    HostAllowList(List<String> extraHosts) {
        hosts.addAll(ALWAYS);
        for (String extra : extraHosts) {
            if (extra != null && !extra.isBlank()) {
                hosts.add(extra.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** True when the Host header names an allowed host, with or without a port. */
    boolean allows(String hostHeader) {
        String host = hostOf(hostHeader);
        return host != null && hosts.contains(host);
    }

    /** The host part of a Host header, lower case, or null when the header is missing or malformed. */
    static String hostOf(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        String value = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = value.substring(0, close + 1);
            String rest = value.substring(close + 1);
            if (rest.isEmpty()) {
                return host;
            }
            if (!rest.startsWith(":")) {
                return null;
            }
            port = rest.substring(1);
        } else {
            int colon = value.indexOf(':');
            if (colon < 0) {
                return value;
            }
            if (value.indexOf(':', colon + 1) >= 0) {
                return null;
            }
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        return port.matches("\\d{1,5}") ? host : null;
    }
}
