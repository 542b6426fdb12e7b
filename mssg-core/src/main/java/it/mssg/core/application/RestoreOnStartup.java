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
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code --mssg.restore=<backup zip>}: puts the backup's H2 file in place of the current one before anything
 * opens the database (registered in {@code META-INF/spring.factories}, it runs as soon as the settings are
 * read). The current database file is kept beside it as {@code <name>.mv.db.before-restore-<time>}, so a wrong
 * choice loses nothing. A file that is not an mssg backup stops the start with a clear message.
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
        restore(Path.of(backup), url);
    }

    /** @return the database file written */
    static Path restore(Path backup, String datasourceUrl) {
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
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new IllegalStateException("--" + PROPERTY + ": " + backup.getFileName()
                        + " is not a backup of this database (it has no " + entryName + ")");
            }
            Files.createDirectories(target.getParent());
            Path incoming = target.resolveSibling(entryName + ".restoring");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.exists(target)) {
                Path kept = target.resolveSibling(entryName + ".before-restore-" + Instant.now().toEpochMilli());
                Files.move(target, kept);
                log.info("The database before the restore is kept as {}", kept.getFileName());
            }
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Database restored from {}", backup.getFileName());
            return target;
        } catch (java.util.zip.ZipException e) {
            throw new IllegalStateException("--" + PROPERTY + ": " + backup.getFileName() + " is not a zip file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("--" + PROPERTY + ": the restore failed", e);
        }
    }
}
