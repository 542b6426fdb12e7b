package it.mssg.core.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code --mssg.restore=<backup zip>}: puts the backup's H2 file in place of the current one before anything
 * opens the database (registered in {@code META-INF/spring.factories}, it runs as soon as the settings are
 * read). The current database file is kept beside it as {@code <name>.mv.db.before-restore-<time>}, so a wrong
 * choice loses nothing. A file that is not an mssg backup stops the start with a clear message, and so does a
 * database file in it that H2 cannot open as mssg's: both before anything is moved.
 * <p>
 * A backup is restored once. The setting is easily left in place (a service file, a shell history), and
 * restoring it again at every start would quietly throw away everything since; so the restored backup is noted
 * beside the database ({@code <name>.mv.db.restored-from}: its path, size and time) and a start that names the
 * same file again only says so.
 */
class RestoreOnStartup implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(RestoreOnStartup.class);
    static final String PROPERTY = "mssg.restore";
    private static final String H2_FILE = "jdbc:h2:file:";

    RestoreOnStartup() {
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        String backup = env.getProperty(PROPERTY, "").strip();
        if (backup.isEmpty()) return;
        String url = env.getProperty("spring.datasource.url", "");
        restore(Path.of(backup), url, env.getProperty("spring.datasource.username", ""),
                env.getProperty("spring.datasource.password", ""));
    }

    /** @return the database file written, or empty when this backup was restored already */
    static Optional<Path> restore(Path backup, String datasourceUrl, String user, String password) {
        if (!datasourceUrl.startsWith(H2_FILE)) {
            throw new IllegalStateException("--" + PROPERTY + " restores H2 backups only; this database is "
                    + datasourceUrl.replaceAll("\\?.*", "") + " (restore PostgreSQL with pg_restore/psql)");
        }
        String base = datasourceUrl.substring(H2_FILE.length()).split(";", 2)[0];
        Path dbBase = Path.of(base).toAbsolutePath().normalize();
        String entryName = dbBase.getFileName() + ".mv.db";
        Path target = dbBase.resolveSibling(entryName);
        if (!Files.isRegularFile(backup)) {
            throw new IllegalStateException("--" + PROPERTY + ": no backup file at " + backup.toAbsolutePath());
        }
        Path note = target.resolveSibling(entryName + ".restored-from");
        String restoredFrom = identity(backup);
        if (Files.exists(target) && restoredFrom.equals(read(note))) {
            log.warn("--{} names {}, which was restored already; it is not restored again, so nothing written since is"
                    + " lost. Remove the setting (to restore the same file once more, copy it under another name).",
                    PROPERTY, backup.toAbsolutePath());
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new IllegalStateException("--" + PROPERTY + ": " + backup.getFileName()
                        + " is not a backup of this database (it has no " + entryName + ")");
            }
            Files.createDirectories(target.getParent());
            // named like a database of its own (<name>-restoring.mv.db) so H2 can open it for the check below
            Path incoming = target.resolveSibling(dbBase.getFileName() + "-restoring.mv.db");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
            }
            String unusable = unusable(incoming, user, password);
            if (unusable != null) {
                Files.deleteIfExists(incoming);
                throw new IllegalStateException("--" + PROPERTY + ": " + backup.getFileName() + " holds no database mssg"
                        + " can use (" + unusable + "); nothing was changed");
            }
            if (Files.exists(target)) {
                Path kept = target.resolveSibling(entryName + ".before-restore-" + Instant.now().toEpochMilli());
                Files.move(target, kept);
                log.info("The database before the restore is kept as {}", kept.getFileName());
            }
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(note, restoredFrom);
            log.info("Database restored from {}", backup.getFileName());
            return Optional.of(target);
        } catch (java.util.zip.ZipException e) {
            throw new IllegalStateException("--" + PROPERTY + ": " + backup.getFileName() + " is not a zip file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("--" + PROPERTY + ": the restore failed", e);
        }
    }

    /** Why H2 cannot open {@code file} as an mssg database (read-only, with the app's credentials), or null. */
    private static String unusable(Path file, String user, String password) {
        String name = file.getFileName().toString();
        String base = file.resolveSibling(name.substring(0, name.length() - ".mv.db".length())).toString();
        try (Connection c = DriverManager.getConnection(H2_FILE + base + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", user, password);
             ResultSet tables = c.createStatement().executeQuery("select count(*) from information_schema.tables"
                     + " where lower(table_name) = 'flyway_schema_history'")) {
            tables.next();
            return tables.getInt(1) == 1 ? null : "a database, but not one of mssg's";
        } catch (SQLException e) {
            return "H2 cannot open it: " + e.getMessage().lines().findFirst().orElse("");
        } finally {
            try {
                Files.deleteIfExists(Path.of(base + ".trace.db")); // H2's note of the failed open, if any
            } catch (IOException ignored) {
                // only a leftover file
            }
        }
    }

    /** The backup as the note keeps it: a different file, or the same one changed, is a new restore. */
    private static String identity(Path backup) {
        try {
            return backup.toAbsolutePath().normalize() + "\n" + Files.size(backup) + "\n" + Files.getLastModifiedTime(backup).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("--" + PROPERTY + ": cannot read " + backup, e);
        }
    }

    private static String read(Path note) {
        try {
            return Files.exists(note) ? Files.readString(note) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
