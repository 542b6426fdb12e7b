package it.mssg.core.application;

import it.mssg.core.api.BackupView;
import it.mssg.core.api.Backups;
import it.mssg.core.api.ConflictException;
import it.mssg.core.domain.export.BackupNames;
import it.mssg.core.domain.export.BackupSchedule;
import it.mssg.core.store.DataDumpStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * H2's {@code BACKUP TO} (consistent while the app runs) into {@code <data-dir>/backups/}, newest N kept.
 * A daemon thread takes one every {@code mssg.data.backup-every}, counting from the newest backup on disk,
 * so restarts do not multiply them, and never in the first minutes after start ({@link BackupSchedule}).
 */
@Service
class BackupService implements Backups, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final DataDumpStore store;
    private final DataProperties properties;
    private final CoreClock clock;
    private final DataFolder folder;
    private ScheduledExecutorService timer;

    BackupService(DataDumpStore store, DataProperties properties, CoreClock clock,
                  @Value("${mssg.data-dir:}") String dataDir) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.folder = dataDir.isBlank() ? null : DataFolder.of(dataDir);
    }

    @Override
    public boolean supported() {
        return folder != null && store.isH2();
    }

    @Override
    public synchronized BackupView backupNow() {
        if (folder == null) throw new ConflictException(null, "No data folder is set (mssg.data-dir), so there is nowhere to keep backups");
        if (!store.isH2()) {
            throw new ConflictException(null, "This database is PostgreSQL: back it up with pg_dump; mssg backs up only its H2 database");
        }
        try {
            Files.createDirectories(folder.backups());
            Instant at = clock.instant();
            Path file = folder.backups().resolve(BackupNames.nameFor(at));
            if (Files.exists(file)) file = folder.backups().resolve(BackupNames.nameFor(at.plusSeconds(1)));
            store.backupH2To(file);
            prune();
            log.info("Database backed up to {}", file.getFileName());
            return view(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup could not be written", e);
        }
    }

    @Override
    public int kept() {
        return properties.backupsKept();
    }

    @Override
    public List<BackupView> list() {
        if (folder == null || !Files.isDirectory(folder.backups())) return List.of();
        try (Stream<Path> files = Files.list(folder.backups())) {
            return files.filter(p -> BackupNames.timeOf(p.getFileName().toString()).isPresent())
                    .map(BackupService::view)
                    .sorted(Comparator.comparing(BackupView::createdAt).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(folder.backups())) {
            names = files.map(p -> p.getFileName().toString()).toList();
        }
        for (String old : BackupNames.toDrop(names, properties.backupsKept())) {
            Files.deleteIfExists(folder.backups().resolve(old));
        }
    }

    private static BackupView view(Path file) {
        try {
            String name = file.getFileName().toString();
            return new BackupView(name, file.toAbsolutePath().toString(), Files.size(file),
                    BackupNames.timeOf(name).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the schedule ---

    @Override
    public synchronized void start() {
        Duration every = properties.backupEvery();
        if (every.isZero() || !supported()) return;
        Instant newest = list().stream().map(BackupView::createdAt).findFirst().orElse(null);
        long firstDelay = BackupSchedule.firstDelay(clock.instant(), newest, every).toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mssg-backups");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::scheduled, firstDelay, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduled() {
        try {
            backupNow();
        } catch (RuntimeException e) {
            log.warn("Scheduled backup failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) timer.shutdownNow();
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
