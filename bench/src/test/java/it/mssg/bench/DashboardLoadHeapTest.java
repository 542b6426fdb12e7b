package it.mssg.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardLoadHeapTest {

    @ParameterizedTest(name = "kept {0} KB before, {1} KB after -> flat {2}")
    @CsvSource({
            "81920, 77824, true",      // shrank
            "81920, 98304, true",      // grew by exactly the slack (16 MB)
            "81920, 98305, false",     // one KB more
            "81920, 163840, false",    // doubled: a leak
            "-1, 81920, false",        // no figure before: cannot call it flat
            "81920, -1, false"})
    void theHeapKeptAfterAFullGcIsFlatWhenItGrewByAtMostTheSlack(long beforeKb, long afterKb, boolean flat) {
        DashboardLoad.Heap before = new DashboardLoad.Heap(beforeKb, 262144, true, beforeKb < 0 ? "no jcmd" : null);
        DashboardLoad.Heap after = new DashboardLoad.Heap(afterKb, 262144, true, afterKb < 0 ? "no jcmd" : null);
        assertThat(DashboardLoad.Heap.flat(before, after)).isEqualTo(flat);
    }
}
