package it.mssg.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Nearest-rank percentiles over 1..n milliseconds. */
class StatsTest {

    @ParameterizedTest
    @CsvSource({
            "100, 0.50, 50",
            "100, 0.95, 95",
            "100, 0.99, 99",
            "1000, 0.99, 990",
            "1, 0.95, 1",
            "10, 0.95, 10",
            "20, 0.95, 19",
    })
    void nearestRank(int n, double p, long expectedMs) {
        long[] sorted = LongStream.rangeClosed(1, n).map(ms -> ms * 1_000_000).toArray();
        assertThat(Stats.rank(sorted, p)).isEqualTo(expectedMs * 1_000_000);
    }

    @ParameterizedTest
    @CsvSource({"1, 1.0, 1.0, 1.0", "4, 2.0, 4.0, 4.0"})
    void summaryOfUnsortedSamples(int n, double median, double p95, double max) {
        long[] shuffled = LongStream.rangeClosed(1, n).map(ms -> (n + 1 - ms) * 1_000_000).toArray();
        Stats s = Stats.of("x", shuffled);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.median()).isEqualTo(median);
        assertThat(s.p95()).isEqualTo(p95);
        assertThat(s.max()).isEqualTo(max);
        assertThat(s.count()).isEqualTo(n);
    }
}
