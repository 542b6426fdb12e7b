package it.mssg.core.domain.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackupNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-29T19:30:00Z | mssg-backup-20261129T193000Z.zip
            2027-01-02T03:04:05Z | mssg-backup-20270102T030405Z.zip
            """)
    void namesCarryTheirTime(Instant at, String name) {
        assertThat(BackupNames.nameFor(at)).isEqualTo(name);
        assertThat(BackupNames.timeOf(name)).contains(at);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            notes.zip
            mssg-backup-20261129T193000Z.zip.part
            mssg-backup-2026112T193000Z.zip
            mssg-backup-20261399T193000Z.zip
            """)
    void otherFilesAreNotBackups(String name) {
        assertThat(BackupNames.timeOf(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a,b,c             | 3 |
            a,b,c             | 2 | a
            c,a,b             | 1 | b,a
            a,x.txt,b,c       | 1 | b,a
            a                 | 0 |
            """)
    void onlyTheNewestNStay(String stamps, int keep, String dropped) {
        List<String> files = Arrays.stream(stamps.split(",")).map(BackupNamesTest::file).toList();
        List<String> expected = dropped == null || dropped.isEmpty() ? List.of()
                : Arrays.stream(dropped.split(",")).map(BackupNamesTest::file).toList();
        assertThat(BackupNames.toDrop(files, keep)).containsExactlyElementsOf(expected);
    }

    /** a, b, c are backups one day apart (c newest); anything with a dot is some other file. */
    private static String file(String s) {
        if (s.contains(".")) return s;
        return BackupNames.nameFor(Instant.parse("2026-11-01T10:00:00Z").plusSeconds(86_400L * (s.charAt(0) - 'a')));
    }
}
