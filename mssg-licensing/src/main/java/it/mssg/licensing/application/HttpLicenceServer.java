package it.mssg.licensing.application;

import it.mssg.licensing.api.LicensingException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The licence server over HTTP with the JDK client. Each call sends only what its endpoint needs: the install
 * id, the licence id or pasted key, and for checkout the email the user chose to give.
 */
@Component
class HttpLicenceServer implements LicenceServer {

    private final LicensingSettings settings;
    private final JsonMapper json = JsonMapper.shared();

    /** Made at the first call: making one sets up TLS (0.1 to 0.2 s on Java 17), which the app's start need not wait for. */
    private HttpClient http;

    HttpLicenceServer(LicensingSettings settings) {
        this.settings = settings;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    @Override
    public URI startCheckout(String installId, Optional<String> email) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("installId", installId);
        email.ifPresent(value -> body.put("email", value));
        return webUrl(post("/api/checkout", body), "url");
    }

    @Override
    public URI openPortal(String licenceId, String installId) {
        return webUrl(post("/api/portal", Map.of("licenceId", licenceId, "installId", installId)), "url");
    }

    @Override
    public String activate(String licenceKey, String installId) {
        return text(post("/api/activate", Map.of("licenceKey", licenceKey, "installId", installId)), "token");
    }

    @Override
    public String refresh(String licenceId, String installId) {
        return text(post("/api/refresh", Map.of("licenceId", licenceId, "installId", installId)), "token");
    }

    private JsonNode post(String path, Map<String, String> body) {
        URI base = settings.serverUrl();
        if (base == null) {
            throw new LicensingException("No licence server is configured (mssg.licensing.server-url).");
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LicensingException("The licence server cannot be reached right now.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LicensingException("Interrupted while talking to the licence server.", e);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JacksonException e) {
            throw new LicensingException("The licence server answered something unexpected (HTTP " + response.statusCode() + ").", e);
        }
        if (response.statusCode() != 200) {
            String message = answer.path("error").asString("");
            throw new LicensingException(message.isBlank()
                    ? "The licence server refused the request (HTTP " + response.statusCode() + ")."
                    : message);
        }
        return answer;
    }

    private static String text(JsonNode answer, String field) {
        String value = answer.path(field).asString("");
        if (value.isBlank()) {
            throw new LicensingException("The licence server's answer has no " + field + ".");
        }
        return value;
    }

    /** Only web pages may be opened for the user; anything else in the answer is refused. */
    private static URI webUrl(JsonNode answer, String field) {
        try {
            URI url = URI.create(text(answer, field));
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                throw new LicensingException("The licence server sent a link that is not a web page.");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new LicensingException("The licence server sent a malformed link.", e);
        }
    }
}
