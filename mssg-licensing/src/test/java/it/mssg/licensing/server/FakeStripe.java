package it.mssg.licensing.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the parts of Stripe's API the licence server uses, on the JDK's HTTP server. It records
 * every request so tests can check their shape, and holds checkout sessions and subscriptions that tests change.
 */
public final class FakeStripe implements AutoCloseable {

    public record Request(String method, String path, Map<String, String> form, String authorization) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.shared();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public FakeStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    /** Stripe finishing a checkout: the session gets a customer and a subscription with this status and period end. */
    public void completeCheckout(String sessionId, String customerId, String subscriptionId, String status, Instant periodEnd) {
        Map<String, Object> session = sessions.get(sessionId);
        session.put("status", "complete");
        session.put("customer", customerId);
        session.put("subscription", subscriptionId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", session.get("customer_email"));
        session.put("customer_details", details);
        setSubscription(subscriptionId, customerId, status, periodEnd);
    }

    public void setSubscription(String subscriptionId, String customerId, String status, Instant periodEnd) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "si_" + subscriptionId);
        item.put("object", "subscription_item");
        item.put("current_period_start", periodEnd.minusSeconds(30L * 24 * 3600).getEpochSecond());
        item.put("current_period_end", periodEnd.getEpochSecond());
        item.put("price", Map.of("id", "price_123", "object", "price"));
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("id", subscriptionId);
        subscription.put("object", "subscription");
        subscription.put("customer", customerId);
        subscription.put("status", status);
        subscription.put("items", Map.of("object", "list", "data", List.of(item), "has_more", false,
                "url", "/v1/subscription_items?subscription=" + subscriptionId));
        subscriptions.put(subscriptionId, subscription);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = decodeForm(method.equals("GET") ? exchange.getRequestURI().getRawQuery() : body);
        requests.add(new Request(method, path, form, exchange.getRequestHeaders().getFirst("Authorization")));
        Object answer = null;
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            String id = "cs_test_" + ids.incrementAndGet();
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("id", id);
            session.put("object", "checkout.session");
            session.put("mode", form.get("mode"));
            session.put("status", "open");
            session.put("client_reference_id", form.get("client_reference_id"));
            session.put("customer_email", form.get("customer_email"));
            session.put("url", "https://checkout.stripe.test/c/pay/" + id);
            sessions.put(id, session);
            answer = session;
        } else if (method.equals("GET") && path.startsWith("/v1/checkout/sessions/")) {
            answer = sessions.get(path.substring("/v1/checkout/sessions/".length()));
        } else if (method.equals("GET") && path.startsWith("/v1/subscriptions/")) {
            answer = subscriptions.get(path.substring("/v1/subscriptions/".length()));
        } else if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            String id = "bps_test_" + ids.incrementAndGet();
            answer = Map.of("id", id, "object", "billing_portal.session", "customer", form.get("customer"),
                    "return_url", form.get("return_url"), "url", "https://billing.stripe.test/p/session/" + id);
        }
        int status = answer == null ? 404 : 200;
        if (answer == null) {
            answer = Map.of("error", Map.of("type", "invalid_request_error", "message", "No such resource: " + path));
        }
        byte[] bytes = json.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> decodeForm(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : new ArrayList<>(List.of(encoded.split("&")))) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
