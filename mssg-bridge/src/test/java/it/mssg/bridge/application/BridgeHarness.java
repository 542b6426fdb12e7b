package it.mssg.bridge.application;

import it.mssg.bridge.simulator.SimulatedNetwork;
import it.mssg.bridge.simulator.SimulatorServer;
import it.mssg.bridge.sync.InboundForwarder;
import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStateChanged;
import it.mssg.core.api.SessionStatus;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The bridge as the application wires it, on a real Chromium, against the simulator; core is a recording
 * stand-in. The simulator is driven through its control API over HTTP, as the end-to-end tests do.
 */
final class BridgeHarness implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Path dataDir;
    final RecordingInbound inbound = new RecordingInbound();
    final List<SessionStatus> states = new CopyOnWriteArrayList<>();
    final SimulatedNetwork network;
    final SimulatorServer server;
    final WhatsAppSessionService session;
    final PageGateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    BridgeHarness(Path dataDir, SimulatedNetwork.Seed seed, int historyMessages) {
        this(dataDir, seed, historyMessages, System.getProperty("mssg.browser.executable"));
    }

    BridgeHarness(Path dataDir, SimulatedNetwork.Seed seed, int historyMessages, String browserExecutable) {
        this.dataDir = dataDir;
        network = new SimulatedNetwork(seed, dataDir.resolve("simulator"), Clock.systemUTC());
        server = new SimulatorServer(network, 0);
        SessionRuntime runtime = SessionRuntime.from(properties(historyMessages), new BrowserProperties(browserExecutable),
                dataDir, server.pageUrl(), server.controlUrl());
        session = new WhatsAppSessionService(runtime, new InboundForwarder(inbound), event -> {
            if (event instanceof SessionStateChanged changed) {
                states.add(changed.status());
            }
        }, Clock.systemUTC());
        network.onCrashFault(session::crashRendererForFault);
        gateway = new PageGateway(session);
    }

    BridgeHarness(Path dataDir) {
        this(dataDir, SimulatedNetwork.Seed.SMALL, 20);
    }

    static WhatsAppProperties properties(int historyMessages) {
        return new WhatsAppProperties(WhatsAppProperties.Mode.SIMULATOR, null, null, true, historyMessages, false, 500,
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(1),
                Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofMillis(20), Duration.ofMillis(200),
                Duration.ofMillis(2), Duration.ofMillis(300), Duration.ofSeconds(3), 4);
    }

    /** Starts the session, scans the QR through the control API and waits for READY. */
    BridgeHarness linked() throws Exception {
        session.start();
        awaitState(SessionState.QR_REQUIRED, Duration.ofSeconds(60));
        assertEquals(200, post("/control/scan", Map.of()).statusCode());
        awaitReady();
        return this;
    }

    /** READY, and READY's own event heard too. */
    void awaitReady() throws InterruptedException {
        awaitState(SessionState.READY, Duration.ofSeconds(60));
        // state changes reach listeners from another thread: wait for READY's own event too, so that a test
        // looking at the events (or counting them from here on) does not miss it or take it for a new READY
        await(() -> !states.isEmpty() && states.get(states.size() - 1).state() == SessionState.READY, Duration.ofSeconds(10),
                () -> "the READY event, states " + states);
    }

    void awaitState(SessionState state, Duration timeout) throws InterruptedException {
        await(() -> session.status().state() == state, timeout, () -> "state " + state + ", now " + session.status()
                + " (" + session.lastProblem() + ")");
    }

    void awaitDisconnected(DisconnectReason reason, Duration timeout) throws InterruptedException {
        await(() -> states.stream().anyMatch(s -> s.state() == SessionState.DISCONNECTED && s.reason() == reason),
                timeout, () -> "DISCONNECTED(" + reason + "), states " + states);
    }

    static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what.get());
            }
            Thread.sleep(20);
        }
    }

    HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    Object getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readValue(response.body(), Object.class);
    }

    @SuppressWarnings("unchecked")
    List<String> violations() throws IOException, InterruptedException {
        return (List<String>) ((Map<String, Object>) getJson("/control/state")).get("violations");
    }

    @Override
    public void close() {
        session.close();
        server.close();
        network.close();
    }
}
