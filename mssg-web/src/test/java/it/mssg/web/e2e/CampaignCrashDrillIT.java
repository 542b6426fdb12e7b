package it.mssg.web.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash drill: the packaged app runs a campaign on the simulator with the governor set fast, is killed with
 * SIGKILL at a random point of the campaign (no shutdown hook, no clean close of anything), is started again on the
 * same data directory and finishes the campaign. The simulator's own record of what reached "WhatsApp" (a file under
 * the data directory, written before the page hears back, so it survives the kill) must show every recipient got the
 * message exactly once.
 * <p>
 * {@code -Dmssg.drill.trials=N} runs N trials (default 1, what CI runs), each on a fresh data folder with its own kill
 * point drawn from {@code -Dmssg.drill.seed} (printed, so a failing trial can be replayed); {@code -Dmssg.drill.recipients}
 * sets the campaign's size (default 200) and {@code -Dmssg.drill.parallel} how many trials run at once (default 1).
 * The kill comes after 10–90 % of the recipients were sent to.
 */
class CampaignCrashDrillIT {

    static final String MARK = "crash drill";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    /** What one trial saw: where it meant to kill, what the record held at the kill and at the end. */
    record Trial(int number, int killAfter, int sentBeforeKill, int recipients, int lost, int duplicated, long seconds) {
        @Override
        public String toString() {
            return String.format("trial %d: kill after %d sends, %d on record at the kill, %d recipients: %d lost, %d duplicated, %d s",
                    number, killAfter, sentBeforeKill, recipients, lost, duplicated, seconds);
        }
    }

    @Test
    void aKilledAppNeverLosesNorRepeatsACampaignMessage() throws Exception {
        int trials = Integer.getInteger("mssg.drill.trials", 1);
        int recipients = Integer.getInteger("mssg.drill.recipients", 200);
        int parallel = Math.max(1, Integer.getInteger("mssg.drill.parallel", 1));
        long seed = Long.getLong("mssg.drill.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        System.out.printf("crash drill: %d trial(s) of %d recipients, %d at a time, -Dmssg.drill.seed=%d%n",
                trials, recipients, parallel, seed);
        // trials are independent (own data folder, ports, app and browser): -Dmssg.drill.parallel runs several at once
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Trial>> running = new ArrayList<>();
        for (int t = 1; t <= trials; t++) {
            int number = t;
            int killAfter = recipients / 10 + random.nextInt(recipients * 8 / 10 + 1);
            String replay = "trial " + t + " of -Dmssg.drill.seed=" + seed + " (kill after " + killAfter + " sends)";
            running.add(pool.submit(() -> {
                Trial trial = trial(number, recipients, killAfter, replay);
                System.out.println("crash drill: " + trial);
                return trial;
            }));
        }
        pool.shutdown();
        List<Trial> done = new ArrayList<>();
        Throwable firstFailure = null;
        for (Future<Trial> trial : running) {
            try {
                done.add(trial.get());
            } catch (ExecutionException e) {
                System.out.println("crash drill: a trial failed: " + e.getCause());
                firstFailure = firstFailure == null ? e.getCause() : firstFailure;
            }
        }
        System.out.println("crash drill summary (seed " + seed + "), " + done.size() + " of " + trials + " trials passed:");
        done.forEach(trial -> System.out.println("  " + trial));
        if (firstFailure instanceof Error error) {
            throw error; // a failed assertion of a trial, as it was
        } else if (firstFailure != null) {
            throw (Exception) firstFailure;
        }
    }

    private Trial trial(int number, int recipients, int killAfter, String replay) throws Exception {
        long started = System.nanoTime();
        Path dataDir = Files.createTempDirectory("mssg-drill-");
        Path record = dataDir.resolve("simulator").resolve("sent-messages");
        int appPort = freePort();
        int simulatorPort = freePort();
        Simulator simulator = new Simulator(simulatorPort);

        // a campaign of this size needs a licence, as for a user: the app makes its database, then gets one
        App setup = App.start(dataDir, appPort, simulatorPort, "setup.log");
        try {
            setup.awaitUp();
        } finally {
            setup.stop();
        }
        DrillLicence.install(dataDir);

        App first = App.start(dataDir, appPort, simulatorPort, "first.log");
        long campaignId;
        try {
            first.awaitUp();
            await(() -> simulator.state().contains("\"waitingForScan\":true"), Duration.ofSeconds(300),
                    () -> "the simulator page to show a QR code; log:\n" + first.tail());
            assertThat(simulator.post("/control/scan", "{}").statusCode()).isEqualTo(200);
            awaitReady(first);
            simulator.post("/control/fault", "{\"type\":\"slow-acks\",\"ms\":10}");

            // the recipients write first (that is how the simulator's WhatsApp knows them), then get the drill tag
            for (int i = 1; i <= recipients; i++) {
                assertThat(simulator.post("/control/inbound", "{\"from\":\"" + number(i) + "\",\"body\":\"hello " + i + "\"}")
                        .statusCode()).isEqualTo(200);
            }
            await(() -> contactsFound(first) == recipients, Duration.ofSeconds(300),
                    () -> recipients + " contacts in the app, found " + contactsFound(first));
            long tag = api(first, "POST", "/api/tags", "{\"name\":\"drill\"}").get("id").asLong();
            JsonNode contacts = api(first, "GET", "/api/contacts?q=3338000&size=" + recipients, null);
            for (JsonNode contact : contacts.get("items")) {
                api(first, "PATCH", "/api/contacts/" + contact.get("id").asLong(), "{\"tagIds\":[" + tag + "]}");
            }

            // fast but still random and through every rule: 0-1 s between sends (the fastest the governor allows), caps out of the way
            api(first, "PUT", "/api/settings/governor", "{\"replySpacingMinSeconds\":0,\"replySpacingMaxSeconds\":1,"
                    + "\"spacingMinSeconds\":0,\"spacingMaxSeconds\":1,\"firstContactSpacingMinSeconds\":0,"
                    + "\"firstContactSpacingMaxSeconds\":1,\"perMinute\":1000,\"perHour\":10000,\"perDay\":100000,"
                    + "\"warmUp\":false,\"quietStart\":null,\"quietEnd\":null,\"recipientGapMinutes\":0,"
                    + "\"duplicateWindowHours\":24,\"coldPerDay\":100000,\"failuresBeforePause\":3,"
                    + "\"conversationWindowHours\":24,\"replyReservePercent\":0}");
            campaignId = api(first, "POST", "/api/campaigns", "{\"name\":\"Drill\",\"tagExpression\":\"drill\","
                    + "\"template\":\"{Hi|Hello} {{first_name|there}}, this is the " + MARK + "\"}").get("id").asLong();
            JsonNode dryRun = api(first, "POST", "/api/campaigns/" + campaignId + "/dry-run", null);
            assertThat(dryRun.get("toSend").asInt()).isEqualTo(recipients);
            api(first, "POST", "/api/campaigns/" + campaignId + "/start", null);

            // watch the simulator's file itself: the kill lands within a few milliseconds of the chosen point
            await(() -> readRecord(record).sends().size() >= killAfter, Duration.ofMinutes(15), 20,
                    () -> killAfter + " sends before the kill; so far " + readRecord(record).sends().size());
        } finally {
            first.kill();
        }
        Record atKill = readRecord(record);
        int beforeKill = atKill.sends().size();
        assertThat(beforeKill).as("killed part-way through the campaign, " + replay).isBetween(1, recipients - 1);

        App second = App.start(dataDir, appPort, simulatorPort, "second.log");
        try {
            second.awaitUp();
            await(() -> ready(second) || scanIfAsked(simulator), Duration.ofSeconds(300),
                    () -> "READY after the restart; log:\n" + second.tail());
            awaitReady(second);
            simulator.post("/control/fault", "{\"type\":\"slow-acks\",\"ms\":10}");
            long id = campaignId;
            await(() -> "FINISHED".equals(campaign(second, id).path("state").asText()), Duration.ofMinutes(25),
                    () -> "the campaign to finish, " + replay + ": " + campaign(second, id) + "\nlog:\n" + second.tail());
            JsonNode finished = campaign(second, id);
            assertThat(finished.get("sent").asLong()).as(replay).isEqualTo(recipients);
            assertThat(finished.get("pending").asLong()).as(replay).isZero();
        } finally {
            second.stop();
        }

        Record end = readRecord(record);
        assertThat(end.damagedLines()).as("lines of the simulator's record cut short, " + replay).isZero();
        assertThat(end.sends().subList(0, beforeKill)).as("the record of before the kill is kept, " + replay)
                .isEqualTo(atKill.sends());
        Map<String, Integer> perRecipient = new HashMap<>();
        for (String to : end.sends()) {
            perRecipient.merge(to, 1, Integer::sum);
        }
        List<String> missing = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (int i = 1; i <= recipients; i++) {
            int n = perRecipient.getOrDefault(number(i) + "@c.us", 0);
            if (n == 0) {
                missing.add(number(i));
            } else if (n > 1) {
                twice.add(number(i) + " x" + n);
            }
        }
        assertThat(missing).as("recipients who never got the message, " + replay).isEmpty();
        assertThat(twice).as("recipients who got it more than once, " + replay).isEmpty();
        assertThat(perRecipient).as("nobody else got it, " + replay).hasSize(recipients);
        deleteQuietly(dataDir);
        return new Trial(number, killAfter, beforeKill, recipients, missing.size(), twice.size(),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** The drill's sends in the simulator's on-disk record, in order, as recipient ids; lines a kill cut short are counted. */
    record Record(List<String> sends, int damagedLines) {
    }

    static Record readRecord(Path file) {
        if (!Files.exists(file)) {
            return new Record(List.of(), 0);
        }
        try {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
            List<String> sends = new ArrayList<>();
            int damaged = 0;
            // the last piece is empty, or a line being written right now: not a record yet
            for (String line : Arrays.asList(lines).subList(0, lines.length - 1)) {
                String[] parts = line.split("\t");
                String body = parts.length == 4 ? decode(parts[3]) : null;
                if (body == null) {
                    damaged++;
                } else if (body.contains(MARK)) {
                    sends.add(parts[1]);
                }
            }
            return new Record(sends, damaged);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp folder left behind is harmless
        }
    }

    static String number(int i) {
        return String.format("39333800%04d", i);
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
        await(condition, timeout, 200, what);
    }

    static void await(java.util.function.BooleanSupplier condition, Duration timeout, long pollMillis,
                      java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            Thread.sleep(pollMillis);
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
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    // C1 only: two starts a trial go faster on a 2-core machine; what the drill checks is on disk
                    "-XX:TieredStopAtLevel=1", "-jar",
                    packagedJar().toString(), "--server.port=" + port, "--mssg.data-dir=" + dataDir,
                    "--mssg.whatsapp.mode=simulator", "--mssg.simulator.port=" + simulatorPort,
                    "--mssg.browser.executable=" + chromium(), "--mssg.whatsapp.typing-min=0s",
                    "--mssg.whatsapp.typing-max=0s", "--mssg.whatsapp.typing-per-character=0s",
                    "--mssg.licensing.public-keys." + DrillLicence.KEY_ID + "=" + DrillLicence.publicKey()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            builder.environment().put("MSSG_DATA_DIR", dataDir.toString());
            return new App(builder.start(), dataDir, port, log);
        }

        void awaitUp() throws Exception {
            // generous: on a busy 2-core machine, or with several trials at once, a start can take minutes
            await(() -> Files.exists(dataDir.resolve("access-token")) && process.isAlive() && listening(),
                    Duration.ofSeconds(600), () -> "the app to start; log:\n" + tail());
            ApiTerms.accept("http://127.0.0.1:" + port, token());
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
