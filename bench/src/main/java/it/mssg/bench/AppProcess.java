package it.mssg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged app ({@code mssg.jar}) started as a user starts it, on its own port and data folder, and what
 * the operating system says about it: resident memory and CPU time from {@code /proc}.
 */
final class AppProcess implements AutoCloseable {

    /** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks on every common kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    final Process process;
    final Path dataDir;
    final String base;
    final long startedNanos;
    final Path log;

    private AppProcess(Process process, Path dataDir, String base, long startedNanos, Path log) {
        this.process = process;
        this.dataDir = dataDir;
        this.base = base;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    static AppProcess start(Path jar, Path dataDir, int port, List<String> extraArgs) throws IOException {
        // JVM options to try (e.g. heap limits); with the launcher they replace ./mssg's own (MSSG_JAVA_OPTS)
        String jvmOptions = System.getenv().getOrDefault("BENCH_JVM_OPTS", "").strip();
        boolean launcher = !jar.getFileName().toString().endsWith(".jar");
        List<String> command = new ArrayList<>();
        if (launcher) {
            // ./mssg as the README runs it; it ends in `exec java`, so the process started here becomes the app's JVM
            command.addAll(List.of("sh", jar.toAbsolutePath().toString()));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (!jvmOptions.isEmpty()) command.addAll(List.of(jvmOptions.split("\\s+")));
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        }
        command.addAll(List.of("--mssg.data-dir=" + dataDir.toAbsolutePath(), "--server.port=" + port));
        command.addAll(extraArgs);
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("bench-app.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (launcher && !jvmOptions.isEmpty()) pb.environment().put("MSSG_JAVA_OPTS", jvmOptions);
        long t0 = System.nanoTime();
        return new AppProcess(pb.start(), dataDir, "http://127.0.0.1:" + port, t0, log);
    }

    /**
     * Waits until the API answers an authenticated request with 200 ({@code /api/terms}, which answers also before
     * the first run's terms are accepted, as in an empty folder) and returns the milliseconds since the
     * process was started: what a user waits from typing the command to a working dashboard.
     */
    long awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        Path tokenFile = dataDir.resolve("access-token");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
            }
            if (Files.exists(tokenFile)) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/terms"))
                            .header("Authorization", "Bearer " + Files.readString(tokenFile).strip())
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return (System.nanoTime() - startedNanos) / 1_000_000;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the app did not answer within " + timeout + "; see " + log);
    }

    /** Spring Boot's own "Started … in N seconds" line, if the log has it. */
    String startedLine() throws IOException {
        Matcher m = Pattern.compile("Started \\S+ in [0-9.]+ seconds[^\\n]*").matcher(Files.readString(log));
        return m.find() ? m.group() : "(no Started line in the log)";
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size of the app's JVM in kB (VmRSS). */
    static long rssKb(long pid) throws IOException {
        return statusField(pid, "VmRSS:");
    }

    static long statusField(long pid, String field) throws IOException {
        Matcher m = Pattern.compile(Pattern.quote(field) + "\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Proportional set size in kB (smaps_rollup), else 0: shared pages counted once across processes. */
    static long pssKb(long pid) {
        try {
            Matcher m = Pattern.compile("Pss:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc", Long.toString(pid), "smaps_rollup")));
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of one process, in seconds. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /** CPU seconds of each thread of a process, by "name (tid)"; thread names as the kernel keeps them (15 chars). */
    static java.util.Map<String, Double> threadCpuSeconds(long pid) {
        java.util.Map<String, Double> cpu = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    cpu.put(name + " (" + task.getFileName() + ")", (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return cpu;
    }

    /** The app's descendants (Playwright's driver, Chromium and its helpers). */
    List<ProcessHandle> descendants() {
        return process.descendants().filter(ProcessHandle::isAlive).toList();
    }

    /** Chromium's processes among the descendants, by their command line. */
    List<ProcessHandle> chromium() {
        return descendants().stream().filter(p -> cmdline(p).contains("--user-data-dir=")).toList();
    }

    static String cmdline(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** CPU seconds used by the given processes (those still alive), summed. */
    static double cpuSeconds(List<ProcessHandle> processes) {
        double sum = 0;
        for (ProcessHandle p : processes) {
            try {
                sum += cpuSeconds(p.pid());
            } catch (IOException | RuntimeException e) {
                // exited meanwhile
            }
        }
        return sum;
    }

    static long pssKb(List<ProcessHandle> processes) {
        return processes.stream().mapToLong(p -> pssKb(p.pid())).sum();
    }

    /** Stops the app as a user does (SIGTERM), then waits; kills it if it does not stop in 30 s. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = descendants();
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        Stream.of(children.toArray(ProcessHandle[]::new)).filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    }
}
