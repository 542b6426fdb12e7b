package it.mssg.agent.matching;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Embeddings from a local HTTP server the user runs: Ollama ({@code POST /api/embed}) or any OpenAI-compatible
 * server ({@code POST /v1/embeddings}). Used only when configured; the texts go to that address and nowhere else.
 */
public final class HttpEmbeddingModel implements EmbeddingModel {

    public enum Dialect { OLLAMA, OPENAI }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Dialect dialect;
    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    public HttpEmbeddingModel(Dialect dialect, URI baseUrl, String model, String apiKey, Duration timeout) {
        if (baseUrl == null || model == null || model.isBlank()) {
            throw new IllegalArgumentException("an embedding endpoint needs mssg.agent.embedding.url and .model");
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.dialect = dialect;
        this.endpoint = URI.create(base + (dialect == Dialect.OLLAMA ? "/api/embed" : "/v1/embeddings"));
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode input = body.putArray("input");
        segments.forEach(s -> input.add(s.text()));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (apiKey != null && !apiKey.isBlank()) request.header("Authorization", "Bearer " + apiKey);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("embedding endpoint " + endpoint + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("embedding endpoint " + endpoint + " answered HTTP " + response.statusCode());
        }
        JsonNode root = JSON.readTree(response.body());
        List<Embedding> embeddings = new ArrayList<>();
        if (dialect == Dialect.OLLAMA) {
            for (JsonNode vector : root.path("embeddings")) embeddings.add(vector(vector));
        } else {
            // OpenAI returns data[] with an index each; put them back in input order
            Embedding[] ordered = new Embedding[segments.size()];
            for (JsonNode item : root.path("data")) {
                int index = item.path("index").asInt(-1);
                if (index < 0 || index >= ordered.length) throw new IllegalStateException("embedding endpoint sent a bad index");
                ordered[index] = vector(item.path("embedding"));
            }
            for (Embedding e : ordered) if (e != null) embeddings.add(e);
        }
        if (embeddings.size() != segments.size()) {
            throw new IllegalStateException("embedding endpoint returned " + embeddings.size() + " vectors for "
                    + segments.size() + " texts");
        }
        return Response.from(embeddings);
    }

    private static Embedding vector(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) array.get(i).asDouble();
        if (v.length == 0) throw new IllegalStateException("embedding endpoint sent an empty vector");
        return Embedding.from(v);
    }
}
