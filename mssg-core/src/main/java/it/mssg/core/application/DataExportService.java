package it.mssg.core.application;

import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.DataExport;
import it.mssg.core.domain.csv.ContactCsvWriter;
import it.mssg.core.domain.csv.RowCsvWriter;
import it.mssg.core.domain.export.JsonArrayWriter;
import it.mssg.core.store.DataDumpStore;
import it.mssg.core.store.ExportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes the export zip entry by entry, straight from the database cursors to the response. */
@Service
class DataExportService implements DataExport {

    private static final Logger log = LoggerFactory.getLogger(DataExportService.class);

    /**
     * The user's data besides contacts, in this order; tables of modules that are not installed are skipped.
     * Not exported: the outbox's internal send bookkeeping is included (it is the user's sent messages), but
     * licence tokens and Flyway's history are not (they are not the user's messaging data).
     */
    static final List<String> TABLES = List.of("tag", "contact_field", "contact_tag", "chat", "message",
            "message_template", "quick_reply", "campaign", "outbox_entry", "follow_up_reminder", "contact_import", "setting",
            "agent_settings", "agent_mode_rule", "agent_knowledge_entry", "agent_knowledge_question",
            "agent_knowledge_keyword");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm").withZone(ZoneOffset.UTC);

    private final ExportStore contacts;
    private final DataDumpStore tables;
    private final TransactionTemplate readOnly;
    private final CoreClock clock;

    DataExportService(ExportStore contacts, DataDumpStore tables, PlatformTransactionManager tx, CoreClock clock) {
        this.contacts = contacts;
        this.tables = tables;
        this.readOnly = new TransactionTemplate(tx);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    @Override
    public String fileName() {
        return "mssg-export-" + STAMP.format(clock.instant()) + ".zip";
    }

    @Override
    public void writeZip(OutputStream out) {
        // one read-only transaction: a consistent picture, and PostgreSQL streams rows only inside one
        readOnly.executeWithoutResult(status -> {
            try {
                ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
                writeContacts(zip);
                for (String table : tables.existingTables(TABLES)) writeTable(zip, table);
                zip.finish();
                zip.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("The export could not be written", e);
            }
        });
        log.info("Data export written");
    }

    private void writeContacts(ZipOutputStream zip) throws IOException {
        List<String> keys = contacts.fieldKeys();
        zip.putNextEntry(new ZipEntry("contacts.csv"));
        try (ContactCsvWriter csv = new ContactCsvWriter(zip, keys)) {
            contacts.forEach(ContactFilter.all(), r -> csv.write(r.phone(), r.displayName(), r.pushName(), r.waId(),
                    r.business(), r.optedOut(), r.source().name(), r.tags(), r.notes(), r.fields()));
        }
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("contacts.json"));
        Writer w = new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8);
        JsonArrayWriter json = new JsonArrayWriter(w);
        contacts.forEach(ContactFilter.all(), r -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", r.id());
            o.put("phone", r.phone());
            o.put("name", r.displayName());
            o.put("pushName", r.pushName());
            o.put("whatsappId", r.waId());
            o.put("business", r.business());
            o.put("optedOut", r.optedOut());
            o.put("source", r.source().name());
            o.put("tags", r.tags());
            o.put("fields", new java.util.TreeMap<>(r.fields()));
            o.put("notes", r.notes());
            json.write(o);
        });
        json.finish();
        zip.closeEntry();
    }

    private void writeTable(ZipOutputStream zip, String table) throws IOException {
        zip.putNextEntry(new ZipEntry("tables/" + table + ".csv"));
        Writer csvOut = new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8);
        RowCsvWriter[] csv = {null};
        tables.dump(table, new DataDumpStore.RowSink() {
            @Override
            public void header(List<String> columns) {
                csv[0] = new RowCsvWriter(csvOut, columns);
            }

            @Override
            public void row(List<Object> values) {
                csv[0].write(values);
            }
        });
        csv[0].flush();
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry("tables/" + table + ".json"));
        Writer jsonOut = new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8);
        JsonArrayWriter json = new JsonArrayWriter(jsonOut);
        List<String> names = new ArrayList<>();
        tables.dump(table, new DataDumpStore.RowSink() {
            @Override
            public void header(List<String> columns) {
                names.addAll(columns);
            }

            @Override
            public void row(List<Object> values) {
                Map<String, Object> o = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) o.put(names.get(i), values.get(i));
                json.write(o);
            }
        });
        json.finish();
        zip.closeEntry();
    }

    /** Lets writers be closed/flushed per entry without closing the zip (or the response) under them. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
