package it.mssg.agent.matching;

import com.sun.net.httpserver.HttpServer;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafting against a local fake of Ollama's and an OpenAI-compatible chat endpoint. */
class HttpDraftWriterTest {

    HttpServer server;
    final Map<String, String> requests = new ConcurrentHashMap<>();
    final AtomicReference<String> modelSays = new AtomicReference<>("We open at 9:00.");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/chat", ex -> {
            requests.put("ollama", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(ex, "{\"message\":{\"role\":\"assistant\",\"content\":\"" + modelSays.get() + "\"},\"done\":true}");
        });
        server.createContext("/v1/chat/completions", ex -> {
            requests.put("openai", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(ex, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + modelSays.get() + "\"}}]}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private HttpDraftWriter writer(HttpEmbeddingModel.Dialect dialect) {
        return new HttpDraftWriter(dialect, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "llama3.2",
                null, Duration.ofSeconds(5));
    }

    @Test
    void ollamaDraftsFromTheApprovedAnswers() {
        assertThat(writer(HttpEmbeddingModel.Dialect.OLLAMA).draft("when do you open?", List.of("Open 9 to 18.")))
                .contains("We open at 9:00.");
        assertThat(requests.get("ollama")).contains("\"model\":\"llama3.2\"").contains("\"stream\":false")
                .contains("Open 9 to 18.").contains("when do you open?");
    }

    @Test
    void openAiCompatibleDraftsToo() {
        assertThat(writer(HttpEmbeddingModel.Dialect.OPENAI).draft("when do you open?", List.of())).contains("We open at 9:00.");
        assertThat(requests.get("openai")).contains("(none)");
    }

    @Test
    void noneMeansNoDraft() {
        modelSays.set("NONE");
        assertThat(writer(HttpEmbeddingModel.Dialect.OLLAMA).draft("tell me a joke", List.of())).isEmpty();
    }
}
