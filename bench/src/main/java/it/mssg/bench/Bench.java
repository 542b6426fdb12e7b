package it.mssg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark harness's command line; {@code bench/run <command> …} starts it. Every command prints its
 * figures and appends them to {@code bench-results.txt} in the data folder.
 *
 * <pre>
 * generate &lt;data-dir&gt; [contacts chats messages csv-rows]   the data set (default 100000 1000 1000000 100000); with
 *                                                       SPRING_DATASOURCE_URL set, into that (empty) database instead
 *                                                       of the H2 file, and every app a command starts uses it too
 * app &lt;mssg.jar&gt; &lt;data-dir&gt; [port]                          start, memory, idle CPU, pages, CSV import and export
 * idle &lt;mssg.jar&gt; &lt;data-dir&gt; [port] [minute]                start, memory and idle CPU only (BENCH_JVM_OPTS to try options);
 *                                                       with minute (&gt; 3) idle CPU over that minute after start too
 * import &lt;mssg.jar&gt; &lt;data-dir&gt; [port]                       the CSV import alone, with the app's CPU and the contacts screen after it
 * sync &lt;mssg.jar&gt; &lt;empty-data-dir&gt; [port] [simulator-port] [minute]   first sync of the large simulated account, Chromium
 *                                                       memory, inbound to dashboard event, idle CPU while READY;
 *                                                       with minute (&gt; 2) idle CPU over that minute of READY too
 * load &lt;mssg.jar&gt; &lt;data-dir&gt; [port] [simulator-port] [rate] [seconds] [inbound/s]   the dashboard under load (DashboardLoad)
 * start &lt;mssg.jar&gt; &lt;data-dir&gt; [port]                        the start alone (an empty folder: the first start)
 * suite &lt;mssg.jar or ./mssg&gt; &lt;generated-data-dir&gt; &lt;work-dir&gt; [rounds]   every figure with a target, rounds times, each
 *                                                       run on a fresh copy of the data set, then their summary
 * summary &lt;figures.tsv&gt;                                  median, min and max of each figure a file holds, as a table
 * jmh [JMH options]                                     the JMH benchmarks (e.g. jmh GovernorBenchmark)
 *
 * Where {@code mssg.jar} is asked for, the launcher {@code ./mssg} may stand instead: the app then starts exactly as
 * the README starts it (its JVM options, Spring AOT, the start archive).
 * </pre>
 */
public final class Bench {

    /**
     * The app on its own: the simulator mode without autostart (no browser, no network), and no scheduled
     * backup (the first one starts a minute after the first start and copies the whole database: a separate
     * figure, not idle time).
     */
    private static final List<String> APP_ONLY = List.of("--mssg.whatsapp.mode=simulator", "--mssg.whatsapp.autostart=false",
            "--mssg.data.backup-every=0");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "generate" -> generate(rest);
            case "app" -> app(rest);
            case "idle" -> idle(rest);
            case "import" -> importCsv(rest);
            case "sync" -> sync(rest);
            case "load" -> DashboardLoad.command(rest);
            case "start" -> start(rest);
            case "suite" -> suite(rest);
            case "summary" -> System.out.print(Figure.summary(Files.readAllLines(Path.of(rest[0]), StandardCharsets.UTF_8)));
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("""
                usage: bench/run generate <data-dir> [contacts chats messages csv-rows]
                       bench/run app <mssg.jar> <data-dir> [port]
                       bench/run idle <mssg.jar> <data-dir> [port] [minute]
                       bench/run import <mssg.jar> <data-dir> [port]
                       bench/run sync <mssg.jar> <empty-data-dir> [port] [simulator-port] [minute]
                       bench/run load <mssg.jar> <data-dir> [port] [simulator-port] [rate] [seconds] [inbound/s]
                       bench/run start <mssg.jar> <data-dir> [port]
                       bench/run suite <mssg.jar or ./mssg> <generated-data-dir> <work-dir> [rounds]
                       bench/run summary <figures.tsv>
                       bench/run jmh [JMH options]""");
        System.exit(2);
    }

    private static void generate(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        DataGenerator.Size size = a.length >= 5
                ? new DataGenerator.Size(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]))
                : DataGenerator.Size.FULL;
        DataGenerator.Summary s = new DataGenerator(size, 42).generate(dir);
        report(dir, "generate", String.format("%,d contacts, %,d tags, %,d contact tags, %,d chats, %,d messages, CSV %s; %,d ms",
                s.contacts(), s.tags(), s.contactTags(), s.chats(), s.messages(), s.csv(), s.millis()));
    }

    /** The start alone: to the first API answer, then stopped. On an empty folder that is a user's first start. */
    private static void start(String[] a) throws Exception {
        Path jar = Path.of(a[0]);
        Path dir = Path.of(a[1]);
        int port = a.length > 2 ? Integer.parseInt(a[2]) : 18080;
        boolean withData = hasDatabase(dir);
        try (AppProcess app = AppProcess.start(jar, dir, port, APP_ONLY)) {
            long startMs = app.awaitReady(Duration.ofMinutes(10));
            report(dir, "start", "load: " + load() + "; " + (withData ? "a data folder" : "an empty folder") + "; start to first API answer: "
                    + startMs + " ms, using " + cpuAtReady(app) + "; " + app.startedLine());
            Figure.start(withData).record(dir, startMs);
        }
    }

    /**
     * Every figure with a target, {@code rounds} times, each command on a fresh copy of the generated data set (or an
     * empty folder), one after another so that they do not measure each other; then the summary of the figures file.
     * The first start of a launcher that prepares a start archive (./mssg after a build) is made first and not counted.
     */
    private static void suite(String[] a) throws Exception {
        Path launcher = Path.of(a[0]);
        Path data = Path.of(a[1]);
        Path work = Path.of(a[2]);
        int rounds = a.length > 3 ? Integer.parseInt(a[3]) : 3;
        Files.createDirectories(work);
        Path figures = Figure.file(work);
        if (System.getenv("BENCH_FIGURES") == null) {
            throw new IllegalStateException("set BENCH_FIGURES to the file the figures of every run go to, e.g. " + work.resolve("figures.tsv"));
        }
        Path warmUp = fresh(work, "warm-up", null);
        try (AppProcess app = AppProcess.start(launcher, warmUp, 18170, APP_ONLY)) {
            app.awaitReady(Duration.ofMinutes(10));
        }
        String l = launcher.toString();
        for (int round = 1; round <= rounds; round++) {
            System.out.println("== round " + round + " of " + rounds + ", load " + load());
            start(new String[] {l, fresh(work, "empty", null).toString(), "18171"});
            idle(new String[] {l, fresh(work, "idle", data).toString(), "18172"});
            app(new String[] {l, fresh(work, "app", data).toString(), "18173"});
            importCsv(new String[] {l, fresh(work, "import", data).toString(), "18174"});
            sync(new String[] {l, fresh(work, "sync", null).toString(), "18175", "18195", "3"});
            DashboardLoad.run(launcher, fresh(work, "load", data), 18176, 18196, 200, 60, 10);
        }
        System.out.println();
        System.out.print(Figure.summary(Files.readAllLines(figures, StandardCharsets.UTF_8)));
    }

    /** An empty folder, or a copy of the data set, under the work folder; what a former run left there is removed. */
    private static Path fresh(Path work, String name, Path copyOf) throws IOException {
        Path dir = work.resolve(name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
        if (copyOf != null) {
            try (var walk = Files.walk(copyOf)) {
                for (Path p : walk.toList()) {
                    String rel = copyOf.relativize(p).toString();
                    // the generated set's own results stay with it
                    if (rel.isEmpty() || rel.equals("bench-results.txt") || rel.equals("figures.tsv")) continue;
                    Path target = dir.resolve(rel);
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                }
            }
        }
        return dir;
    }

    /** Whether a data folder holds a database already (then the start is not a first start). */
    private static boolean hasDatabase(Path dir) throws IOException {
        Path db = dir.resolve("db");
        if (!Files.isDirectory(db)) return false;
        try (var files = Files.list(db)) {
            return files.findAny().isPresent();
        }
    }

    /** Start, idle memory and idle CPU (with the busiest threads) of the app on a data folder, nothing else. */
    private static void idle(String[] a) throws Exception {
        Path jar = Path.of(a[0]);
        Path dir = Path.of(a[1]);
        int port = a.length > 2 ? Integer.parseInt(a[2]) : 18080;
        int laterMinute = a.length > 3 ? Integer.parseInt(a[3]) : 0;
        String options = System.getenv().getOrDefault("BENCH_JVM_OPTS", "(none)");
        boolean withData = hasDatabase(dir);
        try (AppProcess app = AppProcess.start(jar, dir, port,
                APP_ONLY)) {
            long startMs = app.awaitReady(Duration.ofMinutes(10)); // a loaded machine can take minutes
            report(dir, "idle", "load: " + load() + "; JVM options: " + options);
            report(dir, "idle", "start to first API answer: " + startMs + " ms, using " + cpuAtReady(app) + "; " + app.startedLine());
            Figure.start(withData).record(dir, startMs);
            Thread.sleep(30_000);
            report(dir, "idle", "RSS idle 30 s after start: " + AppProcess.rssKb(app.pid()) / 1024 + " MB");
            // The first two minutes are not idle: the JIT compiles start-up code, the contact index loads, the licence
            // check due a minute after start runs. Idle CPU is measured over the third minute.
            Thread.sleep(90_000);
            report(dir, "idle", "RSS 2 min after start: " + AppProcess.rssKb(app.pid()) / 1024 + " MB");
            IdleCpu third = idleCpu(List.of(app.process.toHandle()), "app JVM, 2–3 min after start", 60);
            report(dir, "idle", third.text());
            long rssMb = AppProcess.rssKb(app.pid()) / 1024;
            report(dir, "idle", "RSS after the idle minute: " + rssMb + " MB");
            Figure.IDLE_CPU.record(dir, third.percent());
            if (withData) Figure.RSS_IDLE.record(dir, rssMb);
            if (laterMinute > 3) {
                // the third minute still has the JIT finishing start-up code; a later one shows the app as it idles for hours
                Thread.sleep((laterMinute - 4) * 60_000L);
                report(dir, "idle", idleCpu(List.of(app.process.toHandle()),
                        "app JVM, " + (laterMinute - 1) + "–" + laterMinute + " min after start", 60).text());
                report(dir, "idle", "RSS after that minute: " + AppProcess.rssKb(app.pid()) / 1024 + " MB");
            }
        }
    }

    /**
     * The CSV import as {@code app} runs it, without the idle minute and the page runs before it: start, let start-up
     * settle, open the contacts screen once, import, then open it again (its first answer after the import waits for
     * the contact index to take in the new rows). Also the app's CPU seconds for the upload and for the commit, which
     * load on a shared machine does not inflate as it does wall time.
     */
    private static void importCsv(String[] a) throws Exception {
        Path jar = Path.of(a[0]);
        Path dir = Path.of(a[1]);
        int port = a.length > 2 ? Integer.parseInt(a[2]) : 18080;
        Path csv;
        try (var files = Files.list(dir)) {
            csv = files.filter(p -> p.getFileName().toString().matches("import-\\d+\\.csv")).findFirst().orElseThrow();
        }
        try (AppProcess app = AppProcess.start(jar, dir, port, APP_ONLY)) {
            long startMs = app.awaitReady(Duration.ofMinutes(10));
            report(dir, "import", "start to first API answer: " + startMs + " ms");
            Thread.sleep(20_000); // let start-up work (index load, JIT) settle
            LoadDriver driver = LoadDriver.forDataDir(app.base, dir);
            driver.get("/contacts");
            report(dir, "import", "load before: " + load());
            double cpu0 = AppProcess.cpuSeconds(app.pid());
            LoadDriver.ImportTiming imp = driver.importCsv(csv);
            double cpu1 = AppProcess.cpuSeconds(app.pid());
            reportImport(dir, "import", csv, imp, String.format(", app CPU %.1f s", cpu1 - cpu0));
            long t0 = System.nanoTime();
            driver.get("/contacts");
            report(dir, "import", "contacts screen right after the import: " + (System.nanoTime() - t0) / 1_000_000
                    + " ms; load after: " + load());
            if (imp.importId() != null) {
                long undoMillis = driver.undoImport(imp.importId());
                report(dir, "import", "undo of that import (its untouched contacts removed): " + undoMillis + " ms; contacts"
                        + " stored then: " + driver.contactCount());
            }
        }
    }

    /** Start, idle memory and CPU, page latencies and the CSV round trip on a generated data set. */
    private static void app(String[] a) throws Exception {
        Path jar = Path.of(a[0]);
        Path dir = Path.of(a[1]);
        int port = a.length > 2 ? Integer.parseInt(a[2]) : 18080;
        try (AppProcess app = AppProcess.start(jar, dir, port,
                APP_ONLY)) {
            long startMs = app.awaitReady(Duration.ofMinutes(3));
            report(dir, "app", "load: " + load());
            report(dir, "app", "start to first API answer: " + startMs + " ms, using " + cpuAtReady(app) + "; " + app.startedLine());
            Thread.sleep(20_000); // let start-up work (index load, JIT) settle
            report(dir, "app", "RSS idle after start: " + AppProcess.rssKb(app.pid()) / 1024 + " MB");
            report(dir, "app", idleCpu(List.of(app.process.toHandle()), "app JVM", 60).text());

            LoadDriver driver = LoadDriver.forDataDir(app.base, dir);
            reportP95(dir, "app", Figure.SEARCH_P95, driver.contactSearch(200, 1000, 1));
            reportP95(dir, "app", Figure.CONVERSATION_P95, driver.conversationPage(200, 1000, 1000, 2));
            reportP95(dir, "app", Figure.CONTACTS_SCREEN_P95, driver.contactsScreen(50, 300, 3));
            reportP95(dir, "app", Figure.CONVERSATION_SCREEN_P95, driver.conversationScreen(50, 300, 1000, 4));
            report(dir, "app", "RSS after the page runs: " + AppProcess.rssKb(app.pid()) / 1024 + " MB");

            for (int i = 1; i <= 3; i++) {
                LoadDriver.ExportTiming exp = driver.exportCsv();
                report(dir, "app", "CSV export run " + i + " (before the import): " + exp.millis() + " ms, " + exp.bytes() / 1024 + " kB, " + exp.lines() + " lines");
                Figure.EXPORT.record(dir, exp.millis());
            }
            Path csv;
            try (var files = Files.list(dir)) {
                csv = files.filter(p -> p.getFileName().toString().matches("import-\\d+\\.csv")).findFirst().orElse(null);
            }
            if (csv != null) {
                LoadDriver.ImportTiming imp = driver.importCsv(csv);
                reportImport(dir, "app", csv, imp, "");
                LoadDriver.ExportTiming exp = driver.exportCsv();
                report(dir, "app", "CSV export after the import: " + exp.millis() + " ms, " + exp.bytes() / 1024 + " kB, " + exp.lines() + " lines");
            }
            report(dir, "app", "RSS at the end: " + AppProcess.rssKb(app.pid()) / 1024 + " MB");
        }
    }

    /** The large simulated account (5,000 contacts, 1,000 chats) synced into an empty data folder. */
    private static void sync(String[] a) throws Exception {
        Path jar = Path.of(a[0]);
        Path dir = Path.of(a[1]);
        int port = a.length > 2 ? Integer.parseInt(a[2]) : 18081;
        int simulatorPort = a.length > 3 ? Integer.parseInt(a[3]) : 18091;
        try (AppProcess app = AppProcess.start(jar, dir, port, List.of("--mssg.whatsapp.mode=simulator",
                "--mssg.simulator.seed=large", "--mssg.simulator.port=" + simulatorPort))) {
            long startMs = app.awaitReady(Duration.ofMinutes(3));
            report(dir, "sync", "load: " + load());
            report(dir, "sync", "start to first API answer: " + startMs + " ms");
            LoadDriver driver = LoadDriver.forDataDir(app.base, dir);
            HttpClient http = HttpClient.newHttpClient();
            String control = "http://127.0.0.1:" + simulatorPort + "/control";
            awaitState(driver, "QR_REQUIRED", Duration.ofMinutes(6)); // Chromium starts slowly on a loaded machine
            long scan = System.nanoTime();
            post(http, control + "/scan", "{}");
            String syncingSeen = awaitState(driver, "READY", Duration.ofMinutes(5));
            long syncMs = (System.nanoTime() - scan) / 1_000_000;
            report(dir, "sync", "scan to READY (login + first sync of 5,000 contacts, 1,000 chats): " + syncMs + " ms; states seen: " + syncingSeen);
            Figure.FIRST_SYNC.record(dir, syncMs);
            String contacts = new String(driver.get("/api/contacts?size=1"), StandardCharsets.UTF_8);
            report(dir, "sync", "contacts API after sync: " + contacts.replaceAll("\"items\":\\[.*?\\],?", "").trim());

            Thread.sleep(10_000);
            List<ProcessHandle> own = app.descendants();
            long otherChromium = ProcessHandle.allProcesses().filter(p -> !own.contains(p))
                    .filter(p -> AppProcess.cmdline(p).contains("chromium") && AppProcess.cmdline(p).contains("--type=")).count();
            long chromiumMb = AppProcess.pssKb(app.chromium()) / 1024;
            Figure.CHROMIUM_PSS.record(dir, chromiumMb);
            report(dir, "sync", "Chromium PSS in READY (" + app.chromium().size() + " processes): " + chromiumMb
                    + " MB; all descendants PSS " + AppProcess.pssKb(app.descendants()) / 1024 + " MB; app JVM RSS "
                    + AppProcess.rssKb(app.pid()) / 1024 + " MB; processes of other Chromium instances on the machine, which share "
                    + "pages with these and so lower their PSS: " + otherChromium);
            reportP95(dir, "sync", Figure.INBOUND_P95, inboundToEvent(driver, http, control, app.base, 100));
            Thread.sleep(10_000);
            long idleFrom = System.nanoTime();
            report(dir, "sync", idleCpu(List.of(app.process.toHandle()), "app JVM, READY", 60).text());
            report(dir, "sync", idleCpu(app.descendants(), "Playwright driver + Chromium, READY", 60).text());
            if (a.length > 4) {
                // right after the sync and the inbound messages H2 still writes and the JIT still compiles: a
                // later minute shows the linked session as it idles for hours
                int minute = Integer.parseInt(a[4]);
                long waitMs = Duration.ofMinutes(minute - 1).toMillis() - (System.nanoTime() - idleFrom) / 1_000_000;
                Thread.sleep(Math.max(0, waitMs));
                IdleCpu ready = idleCpu(List.of(app.process.toHandle()), "app JVM, READY, idle minute " + minute, 60);
                report(dir, "sync", ready.text());
                Figure.IDLE_CPU_READY.record(dir, ready.withoutSimulator());
                report(dir, "sync", idleCpu(app.descendants(), "Playwright driver + Chromium, READY, idle minute " + minute, 60).text());
            }
        }
    }

    /**
     * Inbound message to the dashboard: from the simulated phone writing (POST /control/inbound) until the
     * dashboard's event stream carries {@code message-received}, i.e. page, bridge, core store and SSE push,
     * all but the browser's own repaint.
     */
    private static Stats inboundToEvent(LoadDriver driver, HttpClient http, String control, String base, int n) throws Exception {
        String token = driver.token();
        LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("event:") && line.substring(6).strip().equals("message-received")) {
                        arrivals.add(System.nanoTime());
                    }
                }
            } catch (IOException e) {
                // stream closed at the end
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(1000);
        List<Long> latencies = new ArrayList<>();
        int lost = 0;
        for (int i = 0; i < n; i++) {
            arrivals.clear();
            long t0 = System.nanoTime();
            post(http, control + "/inbound", "{\"from\":\"39333" + String.format("%07d", 1 + i % 50) + "\",\"body\":\"bench inbound " + i + "\"}");
            Long t1 = arrivals.poll(10, TimeUnit.SECONDS);
            if (t1 == null) lost++;
            else latencies.add(t1 - t0);
            Thread.sleep(300);
        }
        events.body().close();
        return Stats.of("inbound to dashboard event (" + lost + " of " + n + " never arrived)",
                latencies.stream().mapToLong(Long::longValue).toArray());
    }

    /** A timed run's line in the report, and its p95 as {@code figure}. */
    private static void reportP95(Path dir, String command, Figure figure, Stats stats) throws IOException {
        report(dir, command, stats.toString());
        figure.record(dir, stats.p95());
    }

    /** An import's line in the report ({@code extra} after the times), and its total as the import figure. */
    private static void reportImport(Path dir, String command, Path csv, LoadDriver.ImportTiming imp, String extra) throws IOException {
        report(dir, command, "CSV import of " + csv.getFileName() + ": upload + preview " + imp.uploadMillis() + " ms, commit "
                + imp.commitMillis() + " ms, total " + imp.totalMillis() + " ms" + extra + " (" + imp.outcome() + ")");
        Figure.IMPORT.record(dir, imp.totalMillis());
    }

    /** CPU time the start took: on an idle machine with enough cores the start cannot be shorter than this allows. */
    private static String cpuAtReady(AppProcess app) {
        try {
            return String.format("%.1f s of CPU", AppProcess.cpuSeconds(app.pid()));
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    /** Idle CPU over a minute: the percentage of one core, the same without the simulator's threads, and the report line. */
    record IdleCpu(double percent, double withoutSimulator, String text) {
    }

    /** CPU used while nobody uses the app; for one process also the threads that used most of it. */
    private static IdleCpu idleCpu(List<ProcessHandle> processes, String what, int seconds) throws InterruptedException {
        double c0 = AppProcess.cpuSeconds(processes);
        java.util.Map<String, Double> threads0 = processes.size() == 1 ? AppProcess.threadCpuSeconds(processes.get(0).pid()) : java.util.Map.of();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double c1 = AppProcess.cpuSeconds(processes);
        double wall = (System.nanoTime() - t0) / 1e9;
        String top = "";
        double simulator = 0;
        if (processes.size() == 1) {
            List<java.util.Map.Entry<String, Double>> used = AppProcess.threadCpuSeconds(processes.get(0).pid()).entrySet().stream()
                    .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0.0)))
                    .filter(e -> e.getValue() > 0.005)
                    .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).toList();
            top = "; busiest threads: " + used.stream().limit(6)
                    .map(e -> String.format("%s %.2f s", e.getKey(), e.getValue())).collect(java.util.stream.Collectors.joining(", "));
            // in simulator mode the test peer runs inside the app's JVM: its threads are not the app's cost
            simulator = used.stream().filter(e -> e.getKey().startsWith("mssg-simulator") || e.getKey().startsWith("HTTP-Dispatcher"))
                    .mapToDouble(java.util.Map.Entry::getValue).sum();
            if (simulator > 0) {
                top += String.format("; of all this the simulator's own threads %.2f s, so the app without them %.2f %% of one core",
                        simulator, 100 * (c1 - c0 - simulator) / wall);
            }
        }
        return new IdleCpu(100 * (c1 - c0) / wall, 100 * (c1 - c0 - simulator) / wall,
                String.format("idle CPU of %s over %.0f s: %.2f %% of one core (%.2f s CPU)%s", what, wall, 100 * (c1 - c0) / wall, c1 - c0, top));
    }

    private static String awaitState(LoadDriver driver, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String body = new String(driver.get("/api/session"), StandardCharsets.UTF_8);
            String current = body.replaceAll(".*\"state\":\"([A-Z_]+)\".*", "$1");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(current)) seen.add(current);
            if (current.equals(state)) return String.join(" → ", seen);
            Thread.sleep(50);
        }
        throw new IllegalStateException("no " + state + " within " + timeout + "; states seen: " + seen);
    }

    private static void post(HttpClient http, String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip() + " (1, 5, 15 min); " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void report(Path dir, String command, String line) throws IOException {
        String out = Instant.now() + " " + command + " | " + line;
        System.out.println(out);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bench-results.txt"), out + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
