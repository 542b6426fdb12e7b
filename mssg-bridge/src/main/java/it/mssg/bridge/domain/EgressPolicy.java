package it.mssg.bridge.domain;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the browser may go. WhatsApp Web's own hosts are allowed, and in simulator mode exactly the simulator's
 * origin; known analytics and crash-log endpoints are blocked as tracking; everything else is blocked as not
 * allowed. Decisions look only at the parsed host, scheme and port, never at paths or query strings, so a
 * WhatsApp name in a path, a query or a user-info part allows nothing.
 *
 * @param simulatorOrigin the simulator's loopback origin, e.g. {@code http://127.0.0.1:41234}; null in live mode
 */
public record EgressPolicy(Optional<String> simulatorOrigin) {

    /** Why a request was blocked; also how blocked requests are counted and shown. */
    public enum Category {
        ANALYTICS("analytics"), CRASH_LOGS("crash logs"), NOT_ALLOWED("not on the allow-list");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Verdict { ALLOWED, BLOCKED_TRACKING, BLOCKED_NOT_ALLOWED }

    /**
     * @param host      the request's host, lower case ({@code "?"} when the address has none that can be read)
     * @param blockedAs why it is blocked, or null when it is allowed
     */
    public record Decision(String host, Category blockedAs) {
        public Verdict verdict() {
            if (blockedAs == null) {
                return Verdict.ALLOWED;
            }
            return blockedAs == Category.NOT_ALLOWED ? Verdict.BLOCKED_NOT_ALLOWED : Verdict.BLOCKED_TRACKING;
        }

        public boolean allowed() {
            return blockedAs == null;
        }
    }

    /** WhatsApp Web's hosts, reached only over https / wss on the default port. */
    private static final List<String> WHATSAPP_HOSTS = List.of(
            "web.whatsapp.com",      // the page itself, its scripts and its one websocket, wss://web.whatsapp.com/ws/chat
            "static.whatsapp.net",   // scripts, styles and images the page loads (rsrc.php)
            "mmg.whatsapp.net",      // media upload and download
            "pps.whatsapp.net");     // profile pictures

    /** The media CDN edges WhatsApp hands out per region, e.g. media-fra5-1.cdn.whatsapp.net, media.fmxp5-1.fna.whatsapp.net. */
    private static final List<Pattern> WHATSAPP_MEDIA_EDGES = List.of(
            Pattern.compile("media-[a-z0-9-]+\\.cdn\\.whatsapp\\.net"),
            Pattern.compile("media\\.[a-z0-9-]+\\.fna\\.whatsapp\\.net"));

    /** The same edges as host-resolver globs (Chromium's syntax), for the DNS layer. */
    private static final List<String> WHATSAPP_MEDIA_EDGE_GLOBS = List.of("media-*.cdn.whatsapp.net", "media.*.fna.whatsapp.net");

    /** Crash-log uploads: WhatsApp's own collector. */
    private static final List<String> CRASH_LOG_DOMAINS = List.of("crashlogs.whatsapp.net");

    /**
     * Analytics and telemetry: WhatsApp's de-identified telemetry (dit.whatsapp.net), Google Analytics (wa-js's
     * default tracker posts to analytics.google.com), Google Tag Manager, DoubleClick, Facebook's pixel and graph
     * hosts. A domain here also covers its subdomains.
     */
    private static final List<String> ANALYTICS_DOMAINS = List.of(
            "dit.whatsapp.net",
            "google-analytics.com", "analytics.google.com", "googletagmanager.com", "doubleclick.net",
            "connect.facebook.net", "pixel.facebook.com", "graph.facebook.com");

    public EgressPolicy {
        simulatorOrigin = simulatorOrigin.map(EgressPolicy::checkedLoopbackOrigin);
    }

    public static EgressPolicy live() {
        return new EgressPolicy(Optional.empty());
    }

    public static EgressPolicy withSimulator(String pageUrl) {
        URI page = URI.create(pageUrl);
        return new EgressPolicy(Optional.of(page.getScheme() + "://" + page.getHost() + ":" + page.getPort()));
    }

    public Decision decide(String url) {
        Address address = Address.parse(url);
        if (address == null) {
            return new Decision("?", Category.NOT_ALLOWED);
        }
        if (address.scheme().equals("data") || address.scheme().equals("blob")) {
            return new Decision("", null); // made inside the page: nothing goes over the network
        }
        if (address.host() == null) {
            return new Decision("?", Category.NOT_ALLOWED); // no host that can be read: fail closed
        }
        String host = address.host();
        if (matchesDomain(host, CRASH_LOG_DOMAINS)) {
            return new Decision(host, Category.CRASH_LOGS);
        }
        if (matchesDomain(host, ANALYTICS_DOMAINS)) {
            return new Decision(host, Category.ANALYTICS);
        }
        boolean secure = address.scheme().equals("https") || address.scheme().equals("wss");
        if (isWhatsAppHost(host) && secure && (address.port() == -1 || address.port() == 443)) {
            return new Decision(host, null);
        }
        if (simulatorOrigin.isPresent() && isSimulator(address)) {
            return new Decision(host, null);
        }
        return new Decision(host, Category.NOT_ALLOWED);
    }

    /**
     * The parts of an address the policy reads. Parsed by hand rather than with {@link URI}, which rejects
     * characters Chromium leaves unescaped in paths and queries; the authority ends where a browser ends it.
     *
     * @param host lower case, without one trailing dot; null when it is not a plain ASCII name or address
     * @param port -1 for the scheme's default
     */
    record Address(String scheme, String host, int port) {

        private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
        private static final Pattern NAME = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+]");

        static Address parse(String url) {
            if (url == null) {
                return null;
            }
            int colon = url.indexOf(':');
            String scheme = colon < 1 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!SCHEME.matcher(scheme).matches()) {
                return null;
            }
            if (!url.startsWith("//", colon + 1)) {
                return new Address(scheme, null, -1);
            }
            int start = colon + 3;
            int end = start;
            while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            String authority = url.substring(start, end);
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(0, hostPort.indexOf(']'))) : hostPort.lastIndexOf(':');
            String host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
            String portText = portColon < 0 ? "" : hostPort.substring(portColon + 1);
            int port = -1;
            if (!portText.isEmpty()) {
                if (!portText.matches("[0-9]{1,5}")) {
                    return new Address(scheme, null, -1);
                }
                port = Integer.parseInt(portText);
            }
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            return new Address(scheme, NAME.matcher(host).matches() ? host : null, port);
        }
    }

    /**
     * A regular expression (valid in Java and JavaScript) for how allowed addresses start when a browser writes
     * them canonically: an allowed origin followed by "/", or data: / blob:. The routing lets such requests go
     * without asking Java, so the page pays nothing for its own traffic; anything else, including allowed hosts
     * written unusually, gets a full {@link #decide} instead. Every address it matches is one decide() allows.
     */
    public String allowedStart() {
        List<String> hosts = new java.util.ArrayList<>(WHATSAPP_HOSTS.stream().map(h -> h.replace(".", "\\.")).toList());
        WHATSAPP_MEDIA_EDGES.forEach(p -> hosts.add(p.pattern()));
        StringBuilder start = new StringBuilder("(?:https://(?:").append(String.join("|", hosts)).append(")/|wss://web\\.whatsapp\\.com/");
        simulatorOrigin.ifPresent(origin -> {
            String hostPort = origin.substring("http://".length()).replace(".", "\\.");
            start.append("|http://").append(hostPort).append("/|ws://").append(hostPort).append("/");
        });
        return start.append("|data:|blob:)").toString();
    }

    /**
     * Chromium's {@code --host-resolver-rules}: every name fails to resolve except WhatsApp's hosts (and in
     * simulator mode the loopback address). A second layer under request routing, for what routing cannot see;
     * it has no ports and no schemes, so the routing decides those.
     */
    public String hostResolverRules() {
        StringBuilder rules = new StringBuilder("MAP * ~NOTFOUND");
        WHATSAPP_HOSTS.forEach(h -> rules.append(", EXCLUDE ").append(h));
        WHATSAPP_MEDIA_EDGE_GLOBS.forEach(h -> rules.append(", EXCLUDE ").append(h));
        simulatorOrigin.ifPresent(origin -> rules.append(", EXCLUDE ").append(URI.create(origin).getHost()));
        return rules.toString();
    }

    private boolean isSimulator(Address address) {
        URI origin = URI.create(simulatorOrigin.orElseThrow());
        boolean sameScheme = address.scheme().equals("http") || address.scheme().equals("ws");
        return sameScheme && address.host().equals(origin.getHost()) && address.port() == origin.getPort();
    }

    private static boolean isWhatsAppHost(String host) {
        return WHATSAPP_HOSTS.contains(host) || WHATSAPP_MEDIA_EDGES.stream().anyMatch(p -> p.matcher(host).matches());
    }

    private static boolean matchesDomain(String host, List<String> domains) {
        return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    private static String checkedLoopbackOrigin(String origin) {
        URI uri = URI.create(origin);
        if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost()) || uri.getPort() < 1
                || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw new IllegalArgumentException("the simulator origin must be http://127.0.0.1:<port>, not " + origin);
        }
        return origin;
    }
}
