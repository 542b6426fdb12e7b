package it.mssg.agent.matching;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.segment.TextSegment;
import it.mssg.agent.domain.KnowledgeMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The optional HTTP embedding endpoint, against a local fake Ollama / OpenAI-compatible server. */
class HttpEmbeddingModelTest {

    HttpServer server;
    final Map<String, String> lastRequest = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // a toy embedding: texts mentioning "open" point one way, everything else another
        server.createContext("/api/embed", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastRequest.put("ollama", body);
            StringBuilder json = new StringBuilder("{\"model\":\"m\",\"embeddings\":[");
            String[] inputs = body.substring(body.indexOf('[') + 1, body.lastIndexOf(']')).split("\",\"");
            for (int i = 0; i < inputs.length; i++) {
                json.append(i == 0 ? "" : ",").append(inputs[i].contains("open") ? "[1.0,0.1,0.0]" : "[0.0,0.2,1.0]");
            }
            reply(ex, 200, json.append("]}").toString());
        });
        server.createContext("/v1/embeddings", ex -> {
            lastRequest.put("openai", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            lastRequest.put("auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            // out of order on purpose: the client must sort by index
            reply(ex, 200, "{\"data\":[{\"index\":1,\"embedding\":[0,1]},{\"index\":0,\"embedding\":[1,0]}]}");
        });
        server.createContext("/broken/api/embed", ex -> reply(ex, 500, "{}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void ollamaEmbeddingsDriveTheIndex() {
        var model = new HttpEmbeddingModel(HttpEmbeddingModel.Dialect.OLLAMA, base(), "nomic-embed-text", null, Duration.ofSeconds(5));
        KnowledgeIndex index = new KnowledgeIndex(() -> model);
        index.replaceAll(List.of(new MatchableEntry(1, List.of("when do you open"), List.of()),
                new MatchableEntry(2, List.of("price list"), List.of())));

        List<KnowledgeMatch> m = index.match("are you open now", 2);

        assertThat(m.get(0).entryId()).isEqualTo(1);
        assertThat(m.get(0).score()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(lastRequest.get("ollama")).contains("\"model\":\"nomic-embed-text\"").contains("are you open now");
    }

    @Test
    void openAiCompatibleResultsAreReorderedByIndexAndCarryTheKey() {
        var model = new HttpEmbeddingModel(HttpEmbeddingModel.Dialect.OPENAI, base(), "text-embedding", "sk-local", Duration.ofSeconds(5));

        var vectors = model.embedAll(List.of(TextSegment.from("a"), TextSegment.from("b"))).content();

        assertThat(vectors.get(0).vector()).containsExactly(1f, 0f);
        assertThat(vectors.get(1).vector()).containsExactly(0f, 1f);
        assertThat(lastRequest.get("auth")).isEqualTo("Bearer sk-local");
    }

    @Test
    void failuresAreClearErrors() {
        var broken = new HttpEmbeddingModel(HttpEmbeddingModel.Dialect.OLLAMA, base().resolve("/broken"), "m", null, Duration.ofSeconds(5));
        assertThatThrownBy(() -> broken.embed("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> new HttpEmbeddingModel(HttpEmbeddingModel.Dialect.OLLAMA, base(), " ", null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
