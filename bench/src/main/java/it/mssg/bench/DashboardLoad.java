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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard under load while messages arrive: an open-loop driver. Requests leave at fixed intended times
 * ({@code rate} a second, whatever the app answers), each one sent asynchronously, and its latency is measured from
 * its <em>intended</em> send time to the last byte of the answer: when the app (or this machine) stalls, the requests
 * that should have left meanwhile count the stall too, instead of being quietly postponed (coordinated omission).
 * Meanwhile the simulated phone writes {@code inboundRate} messages a second to existing chats
 * ({@code POST /control/inbound}), and the dashboard's event stream is read to count them arriving.
 * <p>
 * The mix is what an open dashboard asks for: the home page, chat list, a conversation, the contacts screen with a
 * search (as a page and as htmx's fragment), the campaigns page, and the API's contact search, conversation page,
 * session and outbox status. Memory: the app JVM's RSS and {@code jcmd GC.heap_info} before, in the middle and after;
 * before and after also after a full GC ({@code GC.run}), the heap that is really kept.
 */
final class DashboardLoad {

    /** One kind of request of the mix, and how often it comes (out of the weights' sum). */
    record Kind(String name, int weight, boolean htmx, java.util.function.IntFunction<String> path) {
    }

    /** What a run measured. */
    record Result(Map<String, Stats> byKind, Stats all, Map<String, Integer> errors, int sent, long maxDispatchLagMicros,
                  int inboundPosted, int inboundFailed, int inboundSeen) {
    }

    private static final String[] NAMES = {"giu", "marco", "rossi", "sofia", "ferr", "ale", "greco", "mart", "de luca", "zzz-none"};

    private final String base;
    private final String token;
    private final String control;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "load-callback");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();

    DashboardLoad(String base, String token, int simulatorPort) {
        this.base = base;
        this.token = token;
        this.control = "http://127.0.0.1:" + simulatorPort + "/control";
    }

    /**
     * {@code bench/run load <mssg.jar> <data-dir> [port] [simulator-port] [rate] [seconds] [inbound-rate]}: the app in
     * simulator mode on a generated data set, linked (READY), 30 s of warm-up at up to 30 requests/s, each kind alone, then the measured run.
     */
    static void command(String[] a) throws Exception {
        Path jar = Path.of(a[0]);
        Path dir = Path.of(a[1]);
        int port = a.length > 2 ? Integer.parseInt(a[2]) : 18082;
        int simulatorPort = a.length > 3 ? Integer.parseInt(a[3]) : 18092;
        int rate = a.length > 4 ? Integer.parseInt(a[4]) : 200;
        int seconds = a.length > 5 ? Integer.parseInt(a[5]) : 60;
        int inboundRate = a.length > 6 ? Integer.parseInt(a[6]) : 10;
        if (!run(jar, dir, port, simulatorPort, rate, seconds, inboundRate)) {
            System.exit(1); // a script running the drill sees the miss
        }
    }

    /** One run of the drill; true when it met its targets (p99, no errors, heap flat). */
    static boolean run(Path jar, Path dir, int port, int simulatorPort, int rate, int seconds, int inboundRate) throws Exception {
        boolean met;
        try (AppProcess app = AppProcess.start(jar, dir, port, List.of("--mssg.whatsapp.mode=simulator",
                "--mssg.simulator.port=" + simulatorPort, "--mssg.data.backup-every=0"))) {
            long startMs = app.awaitReady(Duration.ofMinutes(10)); // a busy 2-core machine starts it slowly
            report(dir, "load: " + Bench.load() + "; JVM options: " + System.getenv().getOrDefault("BENCH_JVM_OPTS", "(none)"));
            report(dir, "start to first API answer: " + startMs + " ms");
            DashboardLoad load = new DashboardLoad(app.base, tokenOf(dir), simulatorPort);
            load.awaitState("QR_REQUIRED", Duration.ofMinutes(6));
            long scan = System.nanoTime();
            load.scan();
            load.awaitState("READY", Duration.ofMinutes(5));
            report(dir, "scan to READY: " + (System.nanoTime() - scan) / 1_000_000 + " ms");
            Thread.sleep(20_000);
            List<Kind> mix = load.mix(1, 1000);
            // warm-up for the JIT and the caches, at a rate the app keeps up with: an overloaded warm-up leaves a backlog
            // that the app is still working through when the measurements start
            int warmUpRate = Math.min(rate, 30);
            Result warmUp = load.run(mix, warmUpRate, 30, inboundRate, 2, null);
            report(dir, "warm-up " + warmUpRate + "/s for 30 s: " + warmUp.all() + "; errors " + warmUp.errors());
            load.awaitQuiet(Duration.ofMinutes(5));
            // after the warm-up, when the JIT has compiled the hot paths: what each kind costs with nothing else running
            int weights = mix.stream().mapToInt(Kind::weight).sum();
            for (Kind k : mix) report(dir, "one at a time: " + load.cost(k, weights, app.pid()));
            report(dir, "mix average CPU per request: " + String.format("%.2f ms", load.mixCpuMs)
                    + " (a rate of n/s needs n times this of the machine's " + Runtime.getRuntime().availableProcessors() + " cores)");
            Thread.sleep(5_000);
            Heap keptBefore = heap(app.pid(), true);
            report(dir, "before: RSS " + AppProcess.rssKb(app.pid()) / 1024 + " MB; " + keptBefore + "; load " + Bench.load());
            Result r = load.run(mix, rate, seconds, inboundRate, 3, () -> {
                try {
                    report(dir, "middle: RSS " + AppProcess.rssKb(app.pid()) / 1024 + " MB; " + heap(app.pid(), false));
                } catch (IOException e) {
                    // the figure is missing from the report, the run goes on
                }
            });
            Heap usedAfter = heap(app.pid(), false);
            Heap keptAfter = heap(app.pid(), true);
            report(dir, "after: RSS " + AppProcess.rssKb(app.pid()) / 1024 + " MB; " + usedAfter + "; then " + keptAfter + "; load " + Bench.load());
            report(dir, r.all().toString());
            r.byKind().values().forEach(s -> {
                try {
                    report(dir, "  " + s);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            int errors = r.errors().values().stream().mapToInt(Integer::intValue).sum();
            report(dir, "requests sent " + r.sent() + ", errors " + errors + " " + r.errors() + "; the driver's worst lag behind its schedule "
                    + r.maxDispatchLagMicros() / 1000 + " ms");
            report(dir, "inbound: " + r.inboundPosted() + " posted (" + r.inboundFailed() + " failed), " + r.inboundSeen()
                    + " message-received events on the dashboard's stream (the stream coalesces events of one name, at most ~10 pushes a"
                    + " second, so fewer events than messages is expected)");
            boolean flat = Heap.flat(keptBefore, keptAfter);
            report(dir, String.format("verdict: p99 %.1f ms (target <= 100 ms) %s; errors %d (target 0) %s; heap kept after a full GC %s -> %s"
                            + " (flat: grew by at most %d MB) %s",
                    r.all().p99(), r.all().p99() <= 100 ? "meets" : "misses", errors, errors == 0 ? "meets" : "misses",
                    keptBefore.usedText(), keptAfter.usedText(), Heap.FLAT_SLACK_MB, flat ? "meets" : "misses"));
            met = r.all().p99() <= 100 && errors == 0 && flat;
            if (rate == 200 && seconds == 60 && inboundRate == 10) { // the figure issue 8 sets a target for
                Figure.LOAD_P99.record(dir, r.all().p99());
                Figure.LOAD_ERRORS.record(dir, errors);
                if (keptBefore.usedKb() >= 0 && keptAfter.usedKb() >= 0) {
                    Figure.LOAD_HEAP_GROWTH.record(dir, (keptAfter.usedKb() - keptBefore.usedKb()) / 1024.0);
                }
            }
        }
        return met;
    }

    private static void report(Path dir, String line) throws IOException {
        String out = java.time.Instant.now() + " load | " + line;
        System.out.println(out);
        Files.writeString(dir.resolve("bench-results.txt"), out + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    List<Kind> mix(long seed, int chats) {
        Random random = new Random(seed);
        java.util.function.IntFunction<String> name = i -> enc(NAMES[Math.floorMod(i * 31 + 7, NAMES.length)]);
        return List.of(
                new Kind("home page /", 3, false, i -> "/"),
                new Kind("chat list /chats", 2, false, i -> "/chats"),
                new Kind("conversation /chats/{id}", 3, false, i -> "/chats/" + (1 + random.nextInt(chats))),
                new Kind("contacts /contacts?q=", 2, false, i -> "/contacts?q=" + name.apply(i)),
                new Kind("contacts fragment (htmx)", 1, true, i -> "/contacts?q=" + name.apply(i)),
                new Kind("campaigns /campaigns", 1, false, i -> "/campaigns"),
                new Kind("API contact search", 3, false, i -> "/api/contacts?size=50&q=" + name.apply(i)),
                new Kind("API conversation page", 3, false, i -> "/api/chats/" + (1 + random.nextInt(chats)) + "/messages?size=50"),
                new Kind("API session", 1, false, i -> "/api/session"),
                new Kind("API outbox status", 1, false, i -> "/api/outbox/status"));
    }

    private double mixCpuMs;

    /** Waits until a session request is answered within 200 ms: nothing left over from an earlier run. */
    void awaitQuiet(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        Kind session = new Kind("API session", 1, false, i -> "/api/session");
        while (true) {
            long t0 = System.nanoTime();
            try {
                http.send(request(session, 0), HttpResponse.BodyHandlers.discarding());
                if (System.nanoTime() - t0 < 200_000_000L) return;
            } catch (java.net.http.HttpTimeoutException e) {
                // still busy
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("the app is still busy after " + atMost);
            Thread.sleep(1_000);
        }
    }

    private HttpRequest request(Kind kind, int i) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + kind.path().apply(i)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET();
        if (kind.htmx()) request.header("HX-Request", "true");
        return request.build();
    }

    /**
     * What one request of a kind costs alone: 20 unmeasured, then 100 one after another; the wall time of each and
     * the app's CPU time (all its threads, from /proc) divided by 100. Adds the kind's weighted share to {@link #mixCpuMs}.
     */
    String cost(Kind kind, int weights, long pid) throws Exception {
        int warm = 20, measured = 100;
        long[] wall = new long[measured];
        double cpuBefore = 0;
        for (int i = 0; i < warm + measured; i++) {
            if (i == warm) cpuBefore = AppProcess.cpuSeconds(pid);
            long t0 = System.nanoTime();
            HttpResponse<Void> r = http.send(request(kind, i), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) throw new IllegalStateException(kind.name() + " answered " + r.statusCode());
            if (i >= warm) wall[i - warm] = System.nanoTime() - t0;
        }
        double cpuMs = (AppProcess.cpuSeconds(pid) - cpuBefore) * 1000 / measured;
        mixCpuMs += cpuMs * kind.weight() / weights;
        return Stats.of(kind.name(), wall) + String.format("; app CPU %.2f ms a request", cpuMs);
    }

    /**
     * Sends {@code rate} requests a second for {@code seconds}, picked from {@code mix} by weight, while
     * {@code inboundRate} messages a second arrive; with {@code halfway} run once in the middle (memory figures).
     */
    Result run(List<Kind> mix, int rate, int seconds, int inboundRate, long seed, Runnable halfway) throws Exception {
        List<Kind> wheel = new ArrayList<>();
        for (Kind k : mix) for (int w = 0; w < k.weight(); w++) wheel.add(k);
        Random pick = new Random(seed);
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        int total = rate * seconds;
        AtomicInteger done = new AtomicInteger();

        InboundCounter seen;
        try {
            seen = InboundCounter.start(http, base, token);
        } catch (IOException e) {
            seen = null; // an app still drowning in the last run's backlog may drop the stream: measure anyway, report -1
        }
        AtomicInteger inboundPosted = new AtomicInteger();
        AtomicInteger inboundFailed = new AtomicInteger();
        Thread inbound = new Thread(() -> postInbound(inboundRate, seconds, seed, inboundPosted, inboundFailed), "load-inbound");
        inbound.setDaemon(true);

        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 200_000_000L;
        long maxLag = 0;
        inbound.start();
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            maxLag = Math.max(maxLag, now - intended);
            if (i == total / 2 && halfway != null) {
                Thread t = new Thread(halfway, "load-halfway");
                t.setDaemon(true);
                t.start();
            }
            Kind kind = wheel.get(pick.nextInt(wheel.size()));
            http.sendAsync(request(kind, i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - intended;
                if (failure != null) {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure; // what went wrong, not the future's wrapper
                    errors.merge(cause.getClass().getSimpleName() + " " + kind.name(), 1, Integer::sum);
                } else if (response.statusCode() != 200) {
                    errors.merge(response.statusCode() + " " + kind.name(), 1, Integer::sum);
                } else {
                    latencies.computeIfAbsent(kind.name(), k -> new ConcurrentLinkedQueue<>()).add(latency);
                }
                done.incrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (done.get() < total) errors.merge("no answer 60 s after the run", total - done.get(), Integer::sum);
        inbound.join(TimeUnit.SECONDS.toMillis(30));
        Thread.sleep(3_000); // the last inbound messages reach the event stream
        if (seen != null) seen.close();

        Map<String, Stats> byKind = new TreeMap<>();
        List<Long> everything = new ArrayList<>();
        for (Kind k : mix) {
            ConcurrentLinkedQueue<Long> q = latencies.get(k.name());
            if (q == null || q.isEmpty()) continue;
            byKind.put(k.name(), Stats.of(k.name(), q.stream().mapToLong(Long::longValue).toArray()));
            everything.addAll(q);
        }
        Stats all = Stats.of("all requests (" + rate + "/s for " + seconds + " s, open loop)",
                everything.stream().mapToLong(Long::longValue).toArray());
        return new Result(byKind, all, new TreeMap<>(errors), total, maxLag / 1000, inboundPosted.get(), inboundFailed.get(),
                seen == null ? -1 : seen.count());
    }

    /** The simulated phone: messages to the data set's existing chats at a fixed rate, each posted asynchronously. */
    private void postInbound(int ratePerSecond, int seconds, long seed, AtomicInteger posted, AtomicInteger failed) {
        if (ratePerSecond <= 0) return;
        Random random = new Random(seed + 1);
        long period = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime() + 200_000_000L;
        List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < ratePerSecond * seconds; i++) {
            long intended = start + i * period;
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            String json = "{\"from\":\"39333" + String.format("%07d", random.nextInt(1000)) + "\",\"body\":\"load drill inbound " + i + "\"}";
            pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(control + "/inbound")).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e == null && r.statusCode() == 200) posted.incrementAndGet();
                else failed.incrementAndGet();
            }));
        }
        pending.forEach(f -> {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted as failed above
            }
        });
    }

    /** Counts {@code message-received} events on the dashboard's event stream ({@code GET /events}). */
    static final class InboundCounter implements AutoCloseable {
        private final AtomicInteger count = new AtomicInteger();
        private final HttpResponse<InputStream> stream;

        private InboundCounter(HttpResponse<InputStream> stream) {
            this.stream = stream;
        }

        static InboundCounter start(HttpClient http, String base, String token) throws IOException, InterruptedException {
            HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            InboundCounter counter = new InboundCounter(events);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("event:") && line.substring(6).strip().equals("message-received")) {
                            counter.count.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    // closed at the end
                }
            }, "load-sse-reader");
            reader.setDaemon(true);
            reader.start();
            return counter;
        }

        int count() {
            return count.get();
        }

        @Override
        public void close() throws IOException {
            stream.body().close();
        }
    }

    /**
     * Heap figures from {@code jcmd <pid> GC.heap_info}, optionally after {@code GC.run}; {@code usedKb} is -1 when jcmd gave
     * none (the verdict then cannot call the heap flat).
     */
    record Heap(long usedKb, long totalKb, boolean afterFullGc, String unknownWhy) {
        /** How much the heap kept after a full GC may grow over the run and still count as flat: caches filling, not a leak. */
        static final int FLAT_SLACK_MB = 16;

        static boolean flat(Heap before, Heap after) {
            return before.usedKb >= 0 && after.usedKb >= 0 && after.usedKb - before.usedKb <= FLAT_SLACK_MB * 1024L;
        }

        String usedText() {
            return usedKb < 0 ? "unknown" : usedKb / 1024 + " MB";
        }

        @Override
        public String toString() {
            if (usedKb < 0) return "heap unknown (" + unknownWhy + ")";
            return String.format("heap used %d MB of %d MB%s", usedKb / 1024, totalKb / 1024, afterFullGc ? " after a full GC" : "");
        }
    }

    static Heap heap(long pid, boolean fullGcFirst) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            if (fullGcFirst) jcmd(jcmd, pid, "GC.run");
            String info = jcmd(jcmd, pid, "GC.heap_info");
            // one line per generation with the serial collector (young, then old), one for the whole heap with G1: sum them
            Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
            long totalKb = 0, usedKb = 0;
            while (m.find()) {
                totalKb += Long.parseLong(m.group(1));
                usedKb += Long.parseLong(m.group(2));
            }
            if (totalKb == 0) return new Heap(-1, -1, fullGcFirst, info.strip().lines().findFirst().orElse(""));
            return new Heap(usedKb, totalKb, fullGcFirst, null);
        } catch (IOException | InterruptedException e) {
            return new Heap(-1, -1, fullGcFirst, e.getMessage());
        }
    }

    private static String jcmd(Path jcmd, long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        return out;
    }

    /** Waits for the session state, e.g. QR_REQUIRED or READY, polling {@code /api/session}. */
    void awaitState(String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String current = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            current = r.body().replaceAll("(?s).*\"state\":\"([A-Z_]+)\".*", "$1");
            if (current.equals(state)) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("no " + state + " within " + timeout + "; last state " + current);
    }

    /** "Scans" the simulated page's QR code. */
    void scan() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(control + "/scan")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("scan answered " + r.statusCode() + ": " + r.body());
    }

    static String tokenOf(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("access-token")).strip();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
