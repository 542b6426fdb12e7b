package it.mssg.web.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash drill: the packaged app runs a 500-recipient campaign on the simulator with the governor set fast,
 * is killed with SIGKILL half-way (no shutdown hook, no clean close of anything), is started again on the same
 * data directory and finishes the campaign. The simulator's own record of what reached "WhatsApp" (kept under the
 * data directory, so it survives the kill) must show every recipient got the message exactly once.
 */
class CampaignCrashDrillIT {

    static final int RECIPIENTS = 500;
    static final String MARK = "crash drill";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aKilledAppNeverLosesNorRepeatsACampaignMessage() throws Exception {
        Path dataDir = Files.createTempDirectory("mssg-drill-");
        int appPort = freePort();
        int simulatorPort = freePort();
        Simulator simulator = new Simulator(simulatorPort);

        App first = App.start(dataDir, appPort, simulatorPort, "first.log");
        long campaignId;
        int beforeKill;
        try {
            first.awaitUp();
            await(() -> simulator.state().contains("\"waitingForScan\":true"), Duration.ofSeconds(300),
                    () -> "the simulator page to show a QR code; log:\n" + first.tail());
            assertThat(simulator.post("/control/scan", "{}").statusCode()).isEqualTo(200);
            awaitReady(first);
            simulator.post("/control/fault", "{\"type\":\"slow-acks\",\"ms\":10}");

            // 500 people write first (that is how the simulator's WhatsApp knows them), then get the drill tag
            for (int i = 1; i <= RECIPIENTS; i++) {
                assertThat(simulator.post("/control/inbound", "{\"from\":\"" + number(i) + "\",\"body\":\"hello " + i + "\"}")
                        .statusCode()).isEqualTo(200);
            }
            await(() -> contactsFound(first) == RECIPIENTS, Duration.ofSeconds(300),
                    () -> "500 contacts in the app, found " + contactsFound(first));
            long tag = api(first, "POST", "/api/tags", "{\"name\":\"drill\"}").get("id").asLong();
            JsonNode contacts = api(first, "GET", "/api/contacts?q=3338000&size=500", null);
            for (JsonNode contact : contacts.get("items")) {
                api(first, "PATCH", "/api/contacts/" + contact.get("id").asLong(), "{\"tagIds\":[" + tag + "]}");
            }

            // fast but still random and through every rule: 0-1 s between sends, caps out of the way
            api(first, "PUT", "/api/settings/governor", "{\"replySpacingMinSeconds\":0,\"replySpacingMaxSeconds\":1,"
                    + "\"spacingMinSeconds\":0,\"spacingMaxSeconds\":1,\"firstContactSpacingMinSeconds\":0,"
                    + "\"firstContactSpacingMaxSeconds\":1,\"perMinute\":1000,\"perHour\":10000,\"perDay\":100000,"
                    + "\"warmUp\":false,\"quietStart\":null,\"quietEnd\":null,\"recipientGapMinutes\":0,"
                    + "\"duplicateWindowHours\":24,\"coldPerDay\":100000,\"failuresBeforePause\":3,"
                    + "\"conversationWindowHours\":24,\"replyReservePercent\":0}");
            campaignId = api(first, "POST", "/api/campaigns", "{\"name\":\"Drill\",\"tagExpression\":\"drill\","
                    + "\"template\":\"{Hi|Hello} {{first_name|there}}, this is the " + MARK + "\"}").get("id").asLong();
            JsonNode dryRun = api(first, "POST", "/api/campaigns/" + campaignId + "/dry-run", null);
            assertThat(dryRun.get("toSend").asInt()).isEqualTo(RECIPIENTS);
            api(first, "POST", "/api/campaigns/" + campaignId + "/start", null);

            await(() -> drillSends(simulator).size() >= 150, Duration.ofMinutes(15),
                    () -> "150 sends before the kill; so far " + drillSends(simulator).size());
            beforeKill = drillSends(simulator).size(); // the simulator lives in the app: ask before it goes
        } finally {
            first.kill();
        }
        assertThat(beforeKill).as("killed half-way").isBetween(150, RECIPIENTS - 1);

        App second = App.start(dataDir, appPort, simulatorPort, "second.log");
        try {
            second.awaitUp();
            await(() -> ready(second) || scanIfAsked(simulator), Duration.ofSeconds(300),
                    () -> "READY after the restart; log:\n" + second.tail());
            awaitReady(second);
            assertThat(drillSends(simulator).size()).as("the simulator's record survived the kill").isGreaterThanOrEqualTo(beforeKill);
            simulator.post("/control/fault", "{\"type\":\"slow-acks\",\"ms\":10}");
            long id = campaignId;
            await(() -> "FINISHED".equals(campaign(second, id).path("state").asText()), Duration.ofMinutes(25),
                    () -> "the campaign to finish: " + campaign(second, id) + "\nlog:\n" + second.tail());

            Map<String, Integer> perRecipient = new HashMap<>();
            for (JsonNode sent : drillSends(simulator)) {
                perRecipient.merge(sent.get("to").asText(), 1, Integer::sum);
            }
            List<String> missing = new ArrayList<>();
            List<String> twice = new ArrayList<>();
            for (int i = 1; i <= RECIPIENTS; i++) {
                int n = perRecipient.getOrDefault(number(i) + "@c.us", 0);
                if (n == 0) {
                    missing.add(number(i));
                } else if (n > 1) {
                    twice.add(number(i) + " x" + n);
                }
            }
            assertThat(missing).as("recipients who never got the message").isEmpty();
            assertThat(twice).as("recipients who got it more than once").isEmpty();
            assertThat(perRecipient).hasSize(RECIPIENTS);
            JsonNode done = campaign(second, id);
            assertThat(done.get("sent").asLong()).isEqualTo(RECIPIENTS);
            assertThat(done.get("pending").asLong()).isZero();
            System.out.printf("crash drill: %d of %d sent before SIGKILL, all %d exactly once after the restart%n",
                    beforeKill, RECIPIENTS, RECIPIENTS);
        } finally {
            second.stop();
        }
    }

    static String number(int i) {
        return String.format("39333800%04d", i);
    }

    private List<JsonNode> drillSends(Simulator simulator) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode sent : JSON.readTree(simulator.get("/control/sent"))) {
                if (sent.path("body").asText().contains(MARK)) {
                    out.add(sent);
                }
            }
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    private boolean scanIfAsked(Simulator simulator) {
        try {
            if (simulator.state().contains("\"waitingForScan\":true")) {
                simulator.post("/control/scan", "{}");
            }
        } catch (Exception e) {
            // the simulator is not up yet
        }
        return false;
    }

    private long contactsFound(App app) {
        try {
            return api(app, "GET", "/api/contacts?q=3338000&size=1", null).get("total").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private JsonNode campaign(App app, long id) {
        try {
            return api(app, "GET", "/api/campaigns/" + id, null);
        } catch (Exception e) {
            return JSON.createObjectNode().put("error", e.toString());
        }
    }

    private boolean ready(App app) {
        try {
            return api(app, "GET", "/api/session", null).path("state").asText().equals("READY");
        } catch (Exception e) {
            return false;
        }
    }

    private void awaitReady(App app) throws InterruptedException {
        await(() -> ready(app), Duration.ofSeconds(300), () -> "READY; log:\n" + app.tail());
    }

    private JsonNode api(App app, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + path))
                .header("Authorization", "Bearer " + app.token()).timeout(Duration.ofSeconds(60));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void await(java.util.function.BooleanSupplier condition, Duration timeout,
                      java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            Thread.sleep(200);
        }
    }

    /** The Chromium the app drives: mssg.browser.executable, else Debian's. */
    static Path chromium() {
        String configured = System.getProperty("mssg.browser.executable");
        for (String candidate : configured != null ? List.of(configured)
                : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("no Chromium found; set -Dmssg.browser.executable");
    }

    /** The simulator's control API: JSON over HTTP on 127.0.0.1 (web tests cannot see bridge classes). */
    private static final class Simulator {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        Simulator(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpResponse<String> post(String path, String json) throws java.io.IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String get(String path) throws java.io.IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        String state() {
            try {
                return get("/control/state");
            } catch (Exception e) {
                return "";
            }
        }
    }

    /** The packaged app as a user starts it, with its own log file. */
    private static final class App {
        final Process process;
        final Path dataDir;
        final int port;
        final Path log;

        private App(Process process, Path dataDir, int port, Path log) {
            this.process = process;
            this.dataDir = dataDir;
            this.port = port;
            this.log = log;
        }

        static App start(Path dataDir, int port, int simulatorPort, String logName) throws Exception {
            Path log = dataDir.resolve(logName);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
                    packagedJar().toString(), "--server.port=" + port, "--mssg.data-dir=" + dataDir,
                    "--mssg.whatsapp.mode=simulator", "--mssg.simulator.port=" + simulatorPort,
                    "--mssg.browser.executable=" + chromium(), "--mssg.whatsapp.typing-min=0s",
                    "--mssg.whatsapp.typing-max=0s", "--mssg.whatsapp.typing-per-character=0s"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            builder.environment().put("MSSG_DATA_DIR", dataDir.toString());
            return new App(builder.start(), dataDir, port, log);
        }

        void awaitUp() throws InterruptedException {
            await(() -> Files.exists(dataDir.resolve("access-token")) && process.isAlive() && listening(),
                    Duration.ofSeconds(300), () -> "the app to start; log:\n" + tail());
        }

        String token() throws Exception {
            return Files.readString(dataDir.resolve("access-token")).strip();
        }

        boolean listening() {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        }

        /** SIGKILL, as a power cut would: nothing gets to clean up. Its Chromium goes too. */
        void kill() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            children.forEach(ProcessHandle::destroyForcibly);
        }

        void stop() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join(File.separator.equals("/") ? "\n" : "\r\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (Exception e) {
                return "(no log)";
            }
        }

        private static Path packagedJar() throws Exception {
            Path testClasses = Path.of(CampaignCrashDrillIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jar = testClasses.getParent().resolve("mssg.jar");
            assertThat(jar).as("the packaged jar, built before failsafe runs").exists();
            return jar;
        }
    }
}
