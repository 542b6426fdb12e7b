package it.mssg.bench;

import java.util.Arrays;

/** Percentiles of one timed run (nearest-rank), in milliseconds. */
record Stats(String name, int count, double min, double median, double p95, double p99, double max) {

    static Stats of(String name, long[] nanos) {
        if (nanos.length == 0) throw new IllegalArgumentException("no samples for " + name);
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Stats(name, s.length, ms(s[0]), ms(rank(s, 0.50)), ms(rank(s, 0.95)), ms(rank(s, 0.99)), ms(s[s.length - 1]));
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code p} of the samples at or below it. */
    static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format("%s: n=%d min %.2f ms, median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                name, count, min, median, p95, p99, max);
    }
}
