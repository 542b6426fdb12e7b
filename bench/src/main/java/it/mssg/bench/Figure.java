package it.mssg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures issue 8 sets targets for, each with its unit and target (the bound a run must stay at or under;
 * {@code NaN} where the figure is only reported). The commands append every figure they measure as a line of
 * {@code figures.tsv} ({@code BENCH_FIGURES} names the file; else it is in the data folder), and
 * {@code bench/run summary} turns such a file into the table of docs/BENCHMARKS.md: median, min and max of each.
 */
enum Figure {
    START_DATA("app start with the data set, to the first API answer", "ms", 3000),
    START_EMPTY("first start into an empty folder (migrations run)", "ms", 3000),
    RSS_IDLE("app RSS idle with the data set, after an idle minute", "MB", 350),
    IDLE_CPU("app idle CPU, minute 3 after start, no session", "% of a core", 1.0),
    IDLE_CPU_READY("app idle CPU with a linked session (READY), without the simulator's threads", "% of a core", 1.0),
    SEARCH_P95("contact search p95, API, 100k contacts", "ms", 25),
    CONVERSATION_P95("conversation page p95, API, 1M messages", "ms", 25),
    CONTACTS_SCREEN_P95("contacts screen p95 (HTML)", "ms", Double.NaN),
    CONVERSATION_SCREEN_P95("conversation screen p95 (HTML)", "ms", Double.NaN),
    EXPORT("CSV export of 100k contacts", "ms", 2000),
    IMPORT("CSV import of 100k rows (upload, preview, commit)", "ms", 3000),
    FIRST_SYNC("first sync of 5,000 contacts + 1,000 chats (scan to READY)", "ms", 10_000),
    INBOUND_P95("inbound message to the dashboard's event, p95", "ms", 150),
    CHROMIUM_PSS("Chromium memory (PSS) in READY", "MB", 400),
    LOAD_P99("dashboard at 200 requests/s for 60 s with 10 inbound/s, p99", "ms", 100),
    LOAD_ERRORS("the same, errors", "", 0),
    LOAD_HEAP_GROWTH("the same, heap kept after a full GC: growth over the run", "MB", DashboardLoad.Heap.FLAT_SLACK_MB);

    final String label;
    final String unit;
    final double target;

    Figure(String label, String unit, double target) {
        this.label = label;
        this.unit = unit;
        this.target = target;
    }

    /** The start figure: into an empty folder (the first start, migrations run) or onto a database. */
    static Figure start(boolean withData) {
        return withData ? START_DATA : START_EMPTY;
    }

    static Path file(Path dataDir) {
        String named = System.getenv("BENCH_FIGURES");
        return named != null && !named.isBlank() ? Path.of(named) : dataDir.resolve("figures.tsv");
    }

    /** Appends one measurement: time, figure, value and the load average then. */
    void record(Path dataDir, double value) throws IOException {
        Path f = file(dataDir);
        if (f.getParent() != null) Files.createDirectories(f.getParent());
        String loadAverage = Bench.load().split(" ")[0];
        Files.writeString(f, String.format(Locale.ROOT, "%s\t%s\t%.3f\t%s%n", Instant.now(), name(), value, loadAverage),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The Markdown table of the figures in a {@code figures.tsv}: runs, median, min, max, target, verdict. */
    static String summary(List<String> lines) {
        Map<Figure, List<Double>> values = new EnumMap<>(Figure.class);
        List<Double> loads = new ArrayList<>();
        String first = null;
        String last = null;
        for (String line : lines) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t");
            values.computeIfAbsent(Figure.valueOf(f[1]), k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
            if (f.length > 3) loads.add(Double.parseDouble(f[3]));
            if (first == null) first = f[0];
            last = f[0];
        }
        StringBuilder out = new StringBuilder();
        if (first != null) {
            out.append(String.format(Locale.ROOT, "Measured %s to %s; load average (1 min) at the figures: median %s, max %s.%n%n",
                    first, last, format(median(loads)), format(loads.stream().mapToDouble(Double::doubleValue).max().orElse(0))));
        }
        out.append("| figure | target | runs | median | min | max | verdict |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Figure, List<Double>> e : values.entrySet()) {
            Figure fig = e.getKey();
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            String unit = fig.unit.isEmpty() ? "" : " " + fig.unit;
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |%n", fig.label,
                    Double.isNaN(fig.target) ? "(reported)" : "≤ " + format(fig.target) + unit, v.length,
                    format(median(v)) + unit, format(v[0]) + unit, format(v[v.length - 1]) + unit, fig.verdict(v)));
        }
        return out.toString();
    }

    /** "meets" when every run is within the target, "misses" when the median is not, else the count of runs within. */
    String verdict(double[] sorted) {
        if (Double.isNaN(target)) return "—";
        if (sorted[sorted.length - 1] <= target) return "meets";
        if (median(sorted) > target) return "misses";
        long within = Arrays.stream(sorted).filter(x -> x <= target).count();
        return "median meets (" + within + " of " + sorted.length + " runs within)";
    }

    /** The middle value; for an even count the mean of the two middle ones. */
    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e9) return String.format(Locale.ROOT, "%,d", (long) x);
        return String.format(Locale.ROOT, Math.abs(x) >= 100 ? "%,.0f" : Math.abs(x) >= 10 ? "%.1f" : "%.2f", x);
    }
}
