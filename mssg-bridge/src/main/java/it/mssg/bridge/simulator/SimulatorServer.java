package it.mssg.bridge.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the simulator on 127.0.0.1: the simulated WhatsApp Web page ({@code /wa/}), the API that page uses
 * ({@code /wa/api/*}), and the control API for people and tests ({@code /control*}). Only requests whose Host
 * is 127.0.0.1 or localhost are answered (no DNS rebinding).
 */
public final class SimulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorServer.class);
    private static final int MAX_BODY = 1 << 20;
    static final String TOKEN_HEADER = "X-Sim-Token";

    private final SimulatedNetwork network;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService workers;

    public SimulatorServer(SimulatedNetwork network, int port) {
        this.network = network;
        // answer small requests at once instead of waiting for delayed ACKs (Nagle): the page makes many
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the simulator on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mssg-simulator-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        log.info("WhatsApp simulator on {} (control page {})", baseUrl(), controlUrl());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The simulated WhatsApp Web page the browser opens. */
    public String pageUrl() {
        return baseUrl() + "/wa/";
    }

    public String controlUrl() {
        return baseUrl() + "/control";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, "text/plain", "forbidden host".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                route(exchange, method, path);
            } catch (IllegalArgumentException e) {
                sendJson(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sendJson(exchange, 503, Map.of("error", "shutting down"));
            } catch (RuntimeException e) {
                log.warn("Simulator request {} {} failed", method, path, e);
                sendJson(exchange, 500, Map.of("error", "internal error"));
            }
        }
    }

    static boolean hostAllowed(String host) {
        if (host == null) {
            return false;
        }
        String name = host.replaceFirst(":\\d+$", "");
        return name.equals("127.0.0.1") || name.equals("localhost");
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException, InterruptedException {
        String token = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        switch (method + " " + path) {
            case "GET /", "GET /wa" -> redirect(exchange, "/wa/");
            case "GET /wa/" -> resource(exchange, "simulator-page.html", "text/html; charset=utf-8");
            case "GET /wa/wpp.js" -> resource(exchange, "simulator-wpp.js", "text/javascript; charset=utf-8");
            case "POST /wa/api/hello" -> sendJson(exchange, 200, network.hello(text(body(exchange).get("token"))));
            case "GET /wa/api/events" -> {
                long since = Long.parseLong(query(exchange).getOrDefault("since", "0"));
                sendJson(exchange, 200, network.events(since, Duration.ofSeconds(20)));
            }
            case "GET /wa/api/snapshot" -> {
                if (linked(exchange, token)) {
                    sendJson(exchange, 200, network.snapshot());
                }
            }
            case "GET /wa/api/messages" -> {
                if (linked(exchange, token)) {
                    Map<String, String> q = query(exchange);
                    sendJson(exchange, 200, network.messages(q.getOrDefault("chat", ""), Integer.parseInt(q.getOrDefault("count", "20"))));
                }
            }
            case "POST /wa/api/exists" -> {
                if (linked(exchange, token)) {
                    sendJson(exchange, 200, network.exists(text(body(exchange).get("id")))
                            .map(id -> Map.<String, Object>of("wid", SimulatedNetwork.wid(id), "biz", false))
                            .orElse(null));
                }
            }
            case "POST /wa/api/send" -> {
                if (linked(exchange, token)) {
                    Map<String, Object> body = body(exchange);
                    sendJson(exchange, 200, network.send(text(body.get("chat")), text(body.get("text"))));
                }
            }
            case "POST /wa/api/composing" -> {
                if (linked(exchange, token)) {
                    sendJson(exchange, 200, Map.of("ok", true));
                }
            }
            case "POST /wa/api/logout" -> {
                network.logout(token);
                sendJson(exchange, 200, Map.of("ok", true));
            }
            case "POST /wa/api/trackers" -> {
                network.trackersTried(body(exchange).get("results"));
                sendJson(exchange, 200, Map.of("ok", true));
            }
            case "POST /wa/api/violation" -> {
                network.violation(text(body(exchange).get("what")));
                sendJson(exchange, 200, Map.of("ok", true));
            }
            case "GET /control" -> resource(exchange, "control.html", "text/html; charset=utf-8");
            case "GET /control/state" -> sendJson(exchange, 200, network.state());
            case "GET /control/sent" -> sendJson(exchange, 200, network.sent());
            case "POST /control/scan" -> {
                if (network.scan()) {
                    sendJson(exchange, 200, Map.of("scanned", true));
                } else {
                    sendJson(exchange, 409, Map.of("error", "no page is showing a QR code right now"));
                }
            }
            case "POST /control/inbound" -> {
                Map<String, Object> body = body(exchange);
                String id = network.inbound(text(body.get("from")), text(body.get("body")));
                sendJson(exchange, 200, Map.of("id", id));
            }
            case "POST /control/contact" -> {
                Map<String, Object> body = body(exchange);
                network.addContact(text(body.get("number")), text(body.get("name")), text(body.get("pushname")),
                        labels(body.get("labels")));
                sendJson(exchange, 200, Map.of("added", true));
            }
            case "POST /control/leave" -> {
                if (network.leaveGroup(text(body(exchange).get("chat")))) {
                    sendJson(exchange, 200, Map.of("left", true));
                } else {
                    sendJson(exchange, 404, Map.of("error", "this account has no such group"));
                }
            }
            case "POST /control/fault" -> sendJson(exchange, 200, Map.of("done", network.fault(body(exchange))));
            default -> sendJson(exchange, 404, Map.of("error", "no such resource: " + method + " " + path));
        }
    }

    private boolean linked(HttpExchange exchange, String token) throws IOException {
        if (network.isLinked(token)) {
            return true;
        }
        sendJson(exchange, 401, Map.of("error", "this browser is not linked"));
        return false;
    }

    private Map<String, Object> body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IllegalArgumentException("request body too large");
            }
            if (bytes.length == 0) {
                return Map.of();
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = json.readValue(bytes, Map.class);
                return map == null ? Map.of() : map;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the body is not a JSON object");
            }
        }
    }

    /** {@code [{"name": …, "hexColor": …}, …]}; anything else is refused. */
    private static List<Map<String, String>> labels(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("labels must be a list of {name, hexColor}");
        }
        List<Map<String, String>> labels = new java.util.ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("labels must be a list of {name, hexColor}");
            }
            Map<String, String> label = new LinkedHashMap<>();
            label.put("name", text(map.get("name")));
            if (map.get("hexColor") != null) {
                label.put("hexColor", text(map.get("hexColor")));
            }
            labels.add(label);
        }
        return labels;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private void resource(HttpExchange exchange, String name, String contentType) throws IOException {
        try (InputStream in = SimulatorServer.class.getResourceAsStream(name)) {
            if (in == null) {
                sendJson(exchange, 404, Map.of("error", "missing " + name));
                return;
            }
            send(exchange, 200, contentType, in.readAllBytes());
        }
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().set("Location", URI.create(to).toString());
        exchange.sendResponseHeaders(302, -1);
    }

    private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

}
