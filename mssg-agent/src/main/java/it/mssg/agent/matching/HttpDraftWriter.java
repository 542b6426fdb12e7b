package it.mssg.agent.matching;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Drafts with a local language model the user runs: Ollama ({@code POST /api/chat}) or an OpenAI-compatible
 * server ({@code POST /v1/chat/completions}). Off unless configured.
 */
public final class HttpDraftWriter implements DraftWriter {

    static final String NOTHING = "NONE";
    static final String INSTRUCTIONS = """
            You draft one short WhatsApp reply for a small business to a customer's message.
            Use only facts from the approved answers given. Never invent prices, times, names, phone numbers,
            e-mail addresses or links. If the approved answers do not answer the message, reply exactly NONE.
            Reply with the draft text only.""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpEmbeddingModel.Dialect dialect;
    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    public HttpDraftWriter(HttpEmbeddingModel.Dialect dialect, URI baseUrl, String model, String apiKey, Duration timeout) {
        if (baseUrl == null || model == null || model.isBlank()) {
            throw new IllegalArgumentException("drafting needs mssg.agent.drafting.url and .model");
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.dialect = dialect;
        this.endpoint = URI.create(base + (dialect == HttpEmbeddingModel.Dialect.OLLAMA ? "/api/chat" : "/v1/chat/completions"));
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Optional<String> draft(String message, List<String> approvedAnswers) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("stream", false);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", INSTRUCTIONS);
        StringBuilder user = new StringBuilder("Approved answers:\n");
        if (approvedAnswers.isEmpty()) user.append("(none)\n");
        approvedAnswers.forEach(a -> user.append("- ").append(a).append('\n'));
        user.append("\nCustomer's message:\n").append(message);
        messages.addObject().put("role", "user").put("content", user.toString());

        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (apiKey != null && !apiKey.isBlank()) request.header("Authorization", "Bearer " + apiKey);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("drafting endpoint " + endpoint + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("drafting endpoint " + endpoint + " answered HTTP " + response.statusCode());
        }
        JsonNode root = JSON.readTree(response.body());
        JsonNode content = dialect == HttpEmbeddingModel.Dialect.OLLAMA
                ? root.path("message").path("content")
                : root.path("choices").path(0).path("message").path("content");
        String text = content.asString("").strip();
        if (text.isEmpty() || text.equalsIgnoreCase(NOTHING) || text.toUpperCase().startsWith(NOTHING + ".")) {
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
