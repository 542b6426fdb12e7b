package it.mssg.core.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreOnStartupTest {

    @TempDir
    Path dir;

    Path zip(String entry, String content) throws IOException {
        Path file = dir.resolve("b-" + entry + ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return file;
    }

    String url() {
        return "jdbc:h2:file:" + dir.resolve("db/mssg") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    void putsTheBackupInPlaceAndKeepsTheOldFile() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/mssg.mv.db"), "old");
        Path written = RestoreOnStartup.restore(zip("mssg.mv.db", "new"), url());
        assertThat(written).hasContent("new");
        try (var files = Files.list(dir.resolve("db"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("mssg.mv.db.before-restore-"))
                    .noneMatch(n -> n.endsWith(".restoring"));
        }
    }

    @Test
    void aZipOfAnotherDatabaseIsRefusedAndNothingMoves() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/mssg.mv.db"), "old");
        Path other = zip("other.mv.db", "x");
        assertThatThrownBy(() -> RestoreOnStartup.restore(other, url())).hasMessageContaining("has no mssg.mv.db");
        assertThat(dir.resolve("db/mssg.mv.db")).hasContent("old");
    }

    @Test
    void postgresqlIsRefusedWithTheToolToUse() throws IOException {
        Path b = zip("mssg.mv.db", "x");
        assertThatThrownBy(() -> RestoreOnStartup.restore(b, "jdbc:postgresql://localhost/mssg?password=secret"))
                .hasMessageContaining("pg_restore").hasMessageNotContaining("secret");
    }
}
