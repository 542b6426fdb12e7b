package it.mssg.core.application;

import it.mssg.core.api.DataOwnership;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.SessionControl;
import it.mssg.core.store.DataDumpStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

/**
 * Deletes everything in one action. The app does not re-initialise itself afterwards: caches, the send loop,
 * the agent and the browser all hold state that a fresh database would contradict, and re-opening the
 * database in this run could resurrect what was just removed. So the pool is closed for good and screens
 * ask the user to restart; the next start is a first run (new empty database, new access token).
 */
@Service
class DataOwnershipService implements DataOwnership {

    private static final Logger log = LoggerFactory.getLogger(DataOwnershipService.class);
    private static final List<String> REMOVED = List.of(DataFolder.DB, DataFolder.BROWSER, DataFolder.ACCESS_TOKEN,
            DataFolder.BACKUPS, DataFolder.LOGS);

    private final SessionControl session;
    private final DataDumpStore store;
    private final ApplicationContext context;
    private final String dataDir;
    private volatile boolean deleted;

    DataOwnershipService(SessionControl session, DataDumpStore store, ApplicationContext context,
                         @Value("${mssg.data-dir:}") String dataDir) {
        this.session = session;
        this.store = store;
        this.context = context;
        this.dataDir = dataDir;
    }

    @Override
    public synchronized void deleteEverything(String confirmation) {
        InvalidInputException.require(CONFIRMATION.equals(confirmation), "confirmation",
                "Type " + CONFIRMATION + " (in capitals) to delete everything");
        if (deleted) return;
        DataFolder folder = DataFolder.of(dataDir);
        log.info("Deleting everything mssg keeps");
        // the session first: logging out unlinks this device from the phone, then the browser and its profile close
        try {
            session.logout();
        } catch (RuntimeException e) {
            log.warn("The WhatsApp session did not log out cleanly: {}", e.getClass().getSimpleName());
        }
        stopOurLifecycles();
        deleted = true;
        store.closeForDeletion();
        for (String name : REMOVED) removeTree(folder.root().resolve(name));
        log.info("Everything was deleted; restart mssg to begin again");
    }

    /** Our background loops (send loop, browser session, backups) stop; the web server is left running. */
    private void stopOurLifecycles() {
        Map<String, Lifecycle> all = context.getBeansOfType(Lifecycle.class, false, false);
        all.values().stream()
                .filter(l -> l.getClass().getName().startsWith("it.mssg."))
                .filter(Lifecycle::isRunning)
                .forEach(l -> {
                    try {
                        l.stop();
                    } catch (RuntimeException e) {
                        log.warn("{} did not stop cleanly: {}", l.getClass().getSimpleName(), e.getClass().getSimpleName());
                    }
                });
    }

    @Override
    public boolean everythingDeleted() {
        return deleted;
    }

    static void removeTree(Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // removed meanwhile: fine
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
