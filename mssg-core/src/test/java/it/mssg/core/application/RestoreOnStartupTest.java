package it.mssg.core.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

    /** A backup as the app makes it: an H2 file with Flyway's history table and one row to tell it by. */
    Path backup(String name, String note, boolean mssgSchema) throws Exception {
        Path made = Files.createTempDirectory(dir, "made");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + made.resolve("mssg"), "mssg", "");
             Statement s = c.createStatement()) {
            if (mssgSchema) {
                s.execute("create table \"flyway_schema_history\" (installed_rank int)");
            }
            s.execute("create table note (v varchar(20))");
            s.execute("insert into note values ('" + note + "')");
            s.execute("shutdown");
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("mssg.mv.db"));
            Files.copy(made.resolve("mssg.mv.db"), z);
            z.closeEntry();
        }
        return file;
    }

    String noteInTheDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "mssg", "");
             ResultSet r = c.createStatement().executeQuery("select v from note")) {
            r.next();
            return r.getString(1);
        }
    }

    String url() {
        return "jdbc:h2:file:" + dir.resolve("db/mssg") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    List<String> dbFolder() throws IOException {
        try (var files = Files.list(dir.resolve("db"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void putsTheBackupInPlaceAndKeepsTheOldFile() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/mssg.mv.db"), "old");
        Path written = RestoreOnStartup.restore(backup("b.zip", "from backup", true), url(), "mssg", "").orElseThrow();
        assertThat(written).isEqualTo(dir.resolve("db/mssg.mv.db"));
        assertThat(noteInTheDatabase()).isEqualTo("from backup");
        assertThat(dbFolder()).anyMatch(n -> n.startsWith("mssg.mv.db.before-restore-"))
                .noneMatch(n -> n.contains("restoring"));
    }

    @Test
    void theSameBackupIsRestoredOnceNotAtEveryStart() throws Exception {
        Path b = backup("b.zip", "from backup", true);
        assertThat(RestoreOnStartup.restore(b, url(), "mssg", "")).isPresent();
        try (Connection c = DriverManager.getConnection(url(), "mssg", "")) {
            c.createStatement().execute("update note set v = 'written since'");
        }
        // the setting left in place: the next start restores nothing, and what was written since stays
        assertThat(RestoreOnStartup.restore(b, url(), "mssg", "")).isEmpty();
        assertThat(noteInTheDatabase()).isEqualTo("written since");
        assertThat(dbFolder().stream().filter(n -> n.startsWith("mssg.mv.db.before-restore-"))).isEmpty();
        // another backup is a new restore
        assertThat(RestoreOnStartup.restore(backup("c.zip", "other backup", true), url(), "mssg", "")).isPresent();
        assertThat(noteInTheDatabase()).isEqualTo("other backup");
    }

    @Test
    void aFileH2CannotOpenIsRefusedBeforeAnythingMoves() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/mssg.mv.db"), "old");
        Path junk = zip("mssg.mv.db", "junk".repeat(500));
        assertThatThrownBy(() -> RestoreOnStartup.restore(junk, url(), "mssg", ""))
                .hasMessageContaining("holds no database mssg can use").hasMessageContaining("nothing was changed");
        assertThat(dir.resolve("db/mssg.mv.db")).hasContent("old");
        assertThat(dbFolder()).containsExactly("mssg.mv.db");
    }

    @Test
    void aDatabaseThatIsNotMssgsIsRefusedBeforeAnythingMoves() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/mssg.mv.db"), "old");
        Path foreign = backup("f.zip", "x", false);
        assertThatThrownBy(() -> RestoreOnStartup.restore(foreign, url(), "mssg", ""))
                .hasMessageContaining("not one of mssg's");
        assertThat(dbFolder()).containsExactly("mssg.mv.db");
    }

    @Test
    void aZipOfAnotherDatabaseIsRefusedAndNothingMoves() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/mssg.mv.db"), "old");
        Path other = zip("other.mv.db", "x");
        assertThatThrownBy(() -> RestoreOnStartup.restore(other, url(), "mssg", "")).hasMessageContaining("has no mssg.mv.db");
        assertThat(dir.resolve("db/mssg.mv.db")).hasContent("old");
    }

    @Test
    void postgresqlIsRefusedWithTheToolToUse() throws IOException {
        Path b = zip("mssg.mv.db", "x");
        assertThatThrownBy(() -> RestoreOnStartup.restore(b, "jdbc:postgresql://localhost/mssg?password=secret", "u", "secret"))
                .hasMessageContaining("pg_restore").hasMessageNotContaining("secret");
    }
}
