package it.mssg.web.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The WhatsApp simulator's control API, as a person's control page or a test uses it: JSON over HTTP on
 * 127.0.0.1. Web test code cannot see bridge classes, so this is the only way in.
 */
final class SimulatorControl {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    SimulatorControl(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Waits until the simulated page shows a QR code, then scans it. */
    void scanWhenShown(Duration timeout) throws Exception {
        await(() -> {
            try {
                return get("/control/state").contains("\"waitingForScan\":true");
            } catch (Exception e) {
                return false;
            }
        }, timeout, () -> "the simulator page to show a QR code");
        HttpResponse<String> scanned = post("/control/scan", "{}");
        if (scanned.statusCode() != 200) {
            fail("scan refused: " + scanned.body());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what.get());
            }
            Thread.sleep(50);
        }
    }

    /** The Chromium the tests drive: mssg.browser.executable, else Debian's. */
    static Path chromium() {
        String configured = System.getProperty("mssg.browser.executable");
        for (String candidate : configured != null ? List.of(configured) : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("no Chromium found; set -Dmssg.browser.executable");
    }
}
