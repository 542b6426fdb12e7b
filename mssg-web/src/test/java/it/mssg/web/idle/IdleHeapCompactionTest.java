package it.mssg.web.idle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IdleHeapCompactionTest {

    @ParameterizedTest(name = "after compaction {0}, last look {1}, now {2}: compact {3}")
    @CsvSource({
            // first look: not known to be quiet yet
            "-1, -1, 5, false",
            // quiet since the last look, never compacted: compact
            "-1, 5, 5, true",
            // collections since the last look: still busy
            "-1, 5, 8, false",
            // quiet and nothing happened since the last compaction: nothing to give back, and no collection every minute
            "7, 7, 7, false",
            // busy again after the compaction
            "7, 7, 9, false",
            // quiet again after that spell: compact once more
            "7, 9, 9, true"})
    void compactsOnceAfterEachBusySpellWhenItHasGoneQuiet(long afterCompaction, long atLastLook, long now, boolean compact) {
        assertThat(IdleHeapCompaction.compactNow(afterCompaction, atLastLook, now)).isEqualTo(compact);
    }

    @Test
    void aQuietLookCompactsTheHeap() {
        IdleHeapCompaction compaction = new IdleHeapCompaction(Duration.ofMinutes(1));
        boolean compacted = false;
        // two looks with no collection in between compact; a collection of this test JVM in between makes it try again
        for (int attempt = 0; attempt < 5 && !compacted; attempt++) {
            compaction.look();
            compacted = compaction.look();
        }
        assertThat(compacted).isTrue();
    }
}
