package it.mssg.bridge.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorServerTest {

    @TempDir
    Path dir;

    private SimulatedNetwork network;
    private SimulatorServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        network = new SimulatedNetwork(SimulatedNetwork.Seed.SMALL, dir, Clock.systemUTC());
        server = new SimulatorServer(network, 0);
    }

    @AfterEach
    void stop() {
        server.close();
        network.close();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"127.0.0.1:8080, true", "localhost, true", "localhost:1, true",
            "evil.example, false", "127.0.0.1.evil.example, false", "-, false"})
    void onlyLoopbackHostHeaders(String host, boolean allowed) {
        assertThat(SimulatorServer.hostAllowed(host)).isEqualTo(allowed);
    }

    @Test
    void aRebindingHostIsRefused() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /control/state HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void controlApi() throws Exception {
        assertThat(get("/control").body()).contains("WhatsApp simulator");
        assertThat(get("/control/state").body()).contains("\"linked\":false");
        assertThat(post("/control/scan", "{}").statusCode()).as("nothing to scan yet").isEqualTo(409);
        HttpResponse<String> inbound = post("/control/inbound", "{\"from\":\"393330000001\",\"body\":\"hello\"}");
        assertThat(inbound.statusCode()).isEqualTo(200);
        assertThat(inbound.body()).contains("false_393330000001@c.us_");
        assertThat(post("/control/inbound", "{\"from\":\"abc\",\"body\":\"hello\"}").statusCode()).isEqualTo(400);
        assertThat(post("/control/inbound", "not json").statusCode()).isEqualTo(400);
        assertThat(post("/control/fault", "{\"type\":\"slow-acks\",\"ms\":2000}").body()).contains("2000");
        assertThat(post("/control/fault", "{\"type\":\"nope\"}").statusCode()).isEqualTo(400);
        assertThat(get("/control/sent").body()).isEqualTo("[]");
        assertThat(get("/wa/api/snapshot").statusCode()).as("the page API wants a linked token").isEqualTo(401);
        assertThat(get("/wa/").body()).contains("/wa/wpp.js");
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
