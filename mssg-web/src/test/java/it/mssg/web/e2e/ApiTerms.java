package it.mssg.web.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The REST API answers only once the terms are accepted: the drills accept them as a script would, at /api/terms. */
final class ApiTerms {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiTerms() {
    }

    /** Accepts the current terms unless they are accepted already; throws when the app refuses. */
    static void accept(String base, String token) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JsonNode terms = JSON.readTree(http.send(request(base, token).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        if (terms.path("accepted").asBoolean()) return;
        String body = "{\"termsAccepted\":true,\"privacyAccepted\":true,\"adult\":true,\"termsVersion\":\""
                + terms.path("currentVersion").asText() + "\"}";
        HttpResponse<String> accepted = http.send(request(base, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 200) {
            throw new IllegalStateException("the terms were not accepted: " + accepted.statusCode() + " " + accepted.body());
        }
    }

    private static HttpRequest.Builder request(String base, String token) {
        return HttpRequest.newBuilder(URI.create(base + "/api/terms")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
    }
}
