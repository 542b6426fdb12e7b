package it.mssg.core.domain.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BackupScheduleTest {

    private static final Instant START = Instant.parse("2026-11-29T20:00:00Z");

    @ParameterizedTest(name = "newest {0} before start, every {1}: first after {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # newest backup (before start) | every | first backup after start
            none                           | P1D   | PT15M
            PT1H                           | P1D   | PT23H
            PT23H50M                       | P1D   | PT15M
            P3D                            | P1D   | PT15M
            PT1M                           | PT1H  | PT59M
            PT55M                          | PT1H  | PT15M
            none                           | PT1S  | PT1S
            PT10M                          | PT1S  | PT1S
            none                           | PT10M | PT10M
            -PT5M                          | P1D   | P1DT5M
            """)
    void theFirstBackupWaitsUntilDueAndNeverRunsDuringStartUp(Duration newestAgo, Duration every, Duration expected) {
        Instant newest = newestAgo == null ? null : START.minus(newestAgo);
        assertThat(BackupSchedule.firstDelay(START, newest, every)).isEqualTo(expected);
    }
}
