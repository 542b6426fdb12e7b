package it.mssg.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary of a figures file: median, min, max and the verdict against the target. */
class FigureTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "2000 2500 2900; meets",
            "2000 3100 2500; median meets (2 of 3 runs within)",
            "3000; meets",
            "3100 2000 3200; misses",
            "2900 3200; misses",
            "2900 3100; median meets (1 of 2 runs within)",
    })
    void verdictAgainstTheStartTarget(String runs, String verdict) {
        double[] sorted = Arrays.stream(runs.split(" ")).mapToDouble(Double::parseDouble).sorted().toArray();
        assertThat(Figure.START_DATA.verdict(sorted)).isEqualTo(verdict);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1; 1", "1 2; 1.5", "3 1 2; 2", "4 1 3 2; 2.5"})
    void median(String values, double median) {
        double[] sorted = Arrays.stream(values.split(" ")).mapToDouble(Double::parseDouble).sorted().toArray();
        assertThat(Figure.median(sorted)).isEqualTo(median);
    }

    @Test
    void summaryTableHasOneRowPerFigureWithMedianMinMax() {
        String table = Figure.summary(List.of(
                "2026-11-30T20:00:00Z\tIMPORT\t7100.000\t0.50",
                "2026-11-30T20:01:00Z\tSTART_DATA\t2500.000\t0.40",
                "2026-11-30T20:02:00Z\tIMPORT\t6900.000\t1.20",
                "",
                "2026-11-30T20:03:00Z\tIMPORT\t8000.000\t0.90"));
        assertThat(table).startsWith("Measured 2026-11-30T20:00:00Z to 2026-11-30T20:03:00Z; load average (1 min) at the figures: median 0.70, max 1.20.");
        assertThat(table).contains("| app start with the data set, to the first API answer | ≤ 3,000 ms | 1 | 2,500 ms | 2,500 ms | 2,500 ms | meets |");
        assertThat(table).contains("| CSV import of 100k rows (upload, preview, commit) | ≤ 3,000 ms | 3 | 7,100 ms | 6,900 ms | 8,000 ms | misses |");
        // rows follow the figures' order, not the file's
        assertThat(table.indexOf("app start")).isLessThan(table.indexOf("CSV import"));
    }

    @Test
    void reportedFiguresHaveNoVerdict() {
        assertThat(Figure.CONTACTS_SCREEN_P95.verdict(new double[] {40, 50})).isEqualTo("—");
        assertThat(Figure.summary(List.of("2026-11-30T20:00:00Z\tCONTACTS_SCREEN_P95\t12.345\t0.1")))
                .contains("| contacts screen p95 (HTML) | (reported) | 1 | 12.3 ms | 12.3 ms | 12.3 ms | — |");
    }
}
