package it.mssg.core.application;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactImport;
import it.mssg.core.api.ContactsImported;
import it.mssg.core.api.ImportOptions;
import it.mssg.core.api.ImportPreviewView;
import it.mssg.core.api.ImportProgress;
import it.mssg.core.api.ImportResultView;
import it.mssg.core.api.ImportRowStatus;
import it.mssg.core.api.ImportRowView;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.domain.csv.ContactCsvWriter;
import it.mssg.core.domain.csv.CsvImportReader;
import it.mssg.core.domain.csv.ImportLimits;
import it.mssg.core.domain.csv.ParsedImport;
import it.mssg.core.domain.csv.ParsedRow;
import it.mssg.core.store.ExportStore;
import it.mssg.core.store.ImportHistoryStore;
import it.mssg.core.store.ImportStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Service
class ContactImportService implements ContactImport {

    static final int FIRST_ROWS = 100;

    private final ImportStore importStore;
    private final ImportHistoryStore history;
    private final ExportStore exportStore;
    private final ImportPreviews previews;
    private final SettingsService settings;
    private final CoreProperties properties;
    private final ApplicationEventPublisher events;
    private final CoreClock clock;

    ContactImportService(ImportStore importStore, ImportHistoryStore history, ExportStore exportStore, ImportPreviews previews, SettingsService settings,
                         CoreProperties properties, ApplicationEventPublisher events, CoreClock clock) {
        this.importStore = importStore;
        this.history = history;
        this.exportStore = exportStore;
        this.previews = previews;
        this.settings = settings;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    private ImportLimits limits() {
        return new ImportLimits(properties.importMaxBytes().toBytes(), properties.importMaxRows(),
                properties.importMaxColumns(), ImportLimits.DEFAULTS.maxCellLength());
    }

    @Override
    @Transactional(readOnly = true)
    public ImportPreviewView preview(InputStream csv, ImportOptions options) {
        String region = options.defaultRegion() != null ? options.defaultRegion() : settings.defaultRegion();
        ParsedImport parsed = new CsvImportReader(limits()).read(csv, region);
        Map<String, Long> stored = importStore.idsByPhone(parsed.validNumbers());
        parsed = parsed.markStored(stored);
        return view(previews.add(options.fileName(), parsed, options.duplicates()));
    }

    @Override
    public ImportPreviewView getPreview(String previewId) {
        return view(previews.get(previewId).orElseThrow(() -> new NotFoundException("import preview", previewId)));
    }

    @Override
    public PageView<ImportRowView> rows(String previewId, ImportRowStatus status, Paging paging) {
        ImportPreviews.Preview p = previews.get(previewId).orElseThrow(() -> new NotFoundException("import preview", previewId));
        List<ParsedRow> rows = status == null ? p.parsed().rows()
                : p.parsed().rows().stream().filter(r -> r.status() == status).toList();
        int from = (int) Math.min(rows.size(), paging.offset());
        int to = Math.min(rows.size(), from + paging.size());
        return PageView.of(rows.subList(from, to).stream().map(ParsedRow::toView).toList(), paging, rows.size());
    }

    @Override
    @Transactional
    public ImportResultView commit(String previewId, ImportProgress progress) {
        ImportPreviews.Preview p = previews.take(previewId).orElseThrow(() -> new NotFoundException("import preview", previewId));
        long started = System.nanoTime();
        try {
            Instant now = clock.instant();
            ImportStore.Outcome o = importStore.write(p.parsed().rows(), p.duplicates(), now,
                    progress == null ? ImportProgress.none() : progress);
            int skipped = p.parsed().rows().size() - o.created() - o.merged();
            long importId = history.record(p.fileName(), now, o, skipped);
            events.publishEvent(new ContactsImported(previewId, o.created(), o.merged()));
            return new ImportResultView(previewId, importId, o.created(), o.merged(), skipped, o.tagsCreated(),
                    o.optedOut(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            previews.putBack(p);
            if (e instanceof TransientDataAccessException || e instanceof DuplicateKeyException) {
                // a lock another writer held too long, or a number it stored first: nothing of the file was written
                throw new ConflictException(null, "Another import or the WhatsApp sync was writing contacts at the same"
                        + " time, so nothing of this file was imported. Import it again: numbers stored meanwhile count as"
                        + " already there.");
            }
            throw e;
        }
    }

    @Override
    public void discard(String previewId) {
        previews.remove(previewId);
    }

    @Override
    @Transactional(readOnly = true)
    public long exportCsv(ContactFilter filter, OutputStream out) {
        try (ContactCsvWriter w = new ContactCsvWriter(out, exportStore.fieldKeys())) {
            return exportStore.forEach(filter == null ? ContactFilter.all() : filter, r -> w.write(r.phone(), r.displayName(),
                    r.pushName(), r.waId(), r.business(), r.optedOut(), r.source().name(), r.tags(), r.notes(), r.fields()));
        }
    }

    private ImportPreviewView view(ImportPreviews.Preview p) {
        ParsedImport parsed = p.parsed();
        Map<ImportRowStatus, Integer> counts = parsed.counts();
        List<ImportRowView> first = parsed.rows().stream().limit(FIRST_ROWS).map(ParsedRow::toView).toList();
        return new ImportPreviewView(p.id(), p.fileName(), parsed.delimiter(), parsed.columns(), parsed.rows().size(),
                counts.get(ImportRowStatus.VALID), counts.get(ImportRowStatus.INVALID),
                counts.get(ImportRowStatus.DUPLICATE_IN_FILE), counts.get(ImportRowStatus.DUPLICATE_IN_DB),
                parsed.storedOptOuts(),
                p.duplicates(), parsed.warnings(), first, p.expiresAt());
    }
}
