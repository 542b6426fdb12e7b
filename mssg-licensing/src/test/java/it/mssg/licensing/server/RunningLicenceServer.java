package it.mssg.licensing.server;

import com.stripe.net.Webhook;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.Base64;
import java.util.UUID;

/** The real licence server application on a free localhost port, with an in-memory database and a fake Stripe. */
public final class RunningLicenceServer implements AutoCloseable {

    public static final String WEBHOOK_SECRET = "whsec_test_secret";
    public static final String KEY_ID = "test-key";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    public RunningLicenceServer(FakeStripe stripe, KeyPair signingKeys) {
        context = LicenceServerApplication.application().run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.datasource.url=jdbc:h2:mem:licences-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--mssg.licence-server.public-url=https://licences.test",
                "--mssg.licence-server.stripe-secret-key=sk_test_fake",
                "--mssg.licence-server.stripe-webhook-secret=" + WEBHOOK_SECRET,
                "--mssg.licence-server.stripe-price-id=price_123",
                "--mssg.licence-server.stripe-api-base=" + stripe.apiBase(),
                "--mssg.licence-server.signing-key-id=" + KEY_ID,
                "--mssg.licence-server.signing-key=" + Base64.getEncoder().encodeToString(signingKeys.getPrivate().getEncoded()),
                "--mssg.licence-server.reconcile-interval=PT24H");
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    LicenceService licences() {
        return context.getBean(LicenceService.class);
    }

    /** A Stripe event as Stripe would send it, for the object with this id. */
    public static String event(String eventId, String type, String objectJson) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s","data":{"object":%s}}"""
                .formatted(eventId, com.stripe.Stripe.API_VERSION, System.currentTimeMillis() / 1000, type, objectJson);
    }

    /** A {@code Stripe-Signature} header for the payload signed at {@code timestamp} with {@code secret}. */
    public static String signature(String payload, long timestamp, String secret) {
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postWebhook(String payload, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url().resolve("/stripe/webhook"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signatureHeader != null) {
            request.header("Stripe-Signature", signatureHeader);
        }
        return send(request.build());
    }

    /** Sends a correctly signed, fresh event. */
    public HttpResponse<String> deliver(String payload) {
        return postWebhook(payload, signature(payload, System.currentTimeMillis() / 1000, WEBHOOK_SECRET));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(url().resolve(path)).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(url().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
