package it.mssg.core.application;

import it.mssg.core.api.DuplicatePolicy;
import it.mssg.core.domain.csv.ImportLimits;
import it.mssg.core.domain.csv.ParsedImport;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Previews waiting for their commit, kept IN MEMORY with an expiry rather than in a table: a preview is
 * a few seconds' work to redo, may hold 100k+ rows (writing them to the database would double the cost of
 * an import), and is worthless after a restart because the user is looking at it now. Bounded by count
 * (the oldest go first), by age ({@code mssg.core.import-preview-ttl}) and by size: together the kept previews hold
 * at most {@link #MAX_CELLS_KEPT} cells, one largest file's worth (about 100 MB), so previews of big files left
 * open in other tabs cannot fill the heap; the oldest go first.
 */
@Component
class ImportPreviews {

    record Preview(String id, String fileName, ParsedImport parsed, DuplicatePolicy duplicates, Instant createdAt,
                   Instant expiresAt) {
    }

    static final long MAX_CELLS_KEPT = ImportLimits.DEFAULT_MAX_CELLS;

    private final Map<String, Preview> previews = new ConcurrentHashMap<>();
    private final CoreProperties properties;
    private final CoreClock clock;

    ImportPreviews(CoreProperties properties, CoreClock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Preview add(String fileName, ParsedImport parsed, DuplicatePolicy duplicates) {
        evict();
        Instant now = clock.instant();
        Preview p = new Preview(UUID.randomUUID().toString(), fileName, parsed, duplicates, now,
                now.plus(properties.importPreviewTtl()));
        synchronized (previews) {
            while (!previews.isEmpty() && (previews.size() >= Math.max(1, properties.importPreviewsKept())
                    || cellsKept() + cells(parsed) > MAX_CELLS_KEPT)) {
                previews.values().stream().min(Comparator.comparing(Preview::createdAt))
                        .ifPresent(old -> previews.remove(old.id()));
            }
            previews.put(p.id(), p);
        }
        return p;
    }

    Optional<Preview> get(String id) {
        evict();
        return id == null ? Optional.empty() : Optional.ofNullable(previews.get(id));
    }

    /** Removes and returns the preview, so two commits of the same preview cannot both run. */
    Optional<Preview> take(String id) {
        evict();
        return id == null ? Optional.empty() : Optional.ofNullable(previews.remove(id));
    }

    /** Puts back a preview whose commit failed, so the user can try again. */
    void putBack(Preview p) {
        previews.putIfAbsent(p.id(), p);
    }

    void remove(String id) {
        if (id != null) previews.remove(id);
    }

    private long cellsKept() {
        return previews.values().stream().mapToLong(p -> cells(p.parsed())).sum();
    }

    private static long cells(ParsedImport parsed) {
        return (long) parsed.rows().size() * Math.max(1, parsed.columns().size());
    }

    private void evict() {
        Instant now = clock.instant();
        previews.values().removeIf(p -> p.expiresAt().isBefore(now));
    }
}
