package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactImport;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSort;
import it.mssg.core.api.ImportHistory;
import it.mssg.core.api.ImportOptions;
import it.mssg.core.api.ImportUndoView;
import it.mssg.core.api.ImportPreviewView;
import it.mssg.core.api.ImportResultView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sizes the issue designs for: a 100k-row CSV through preview and commit, then contact search over
 * 100k contacts. Prints the figures; asserts only loose bounds (shared CI machines vary a lot) — the
 * benchmark issue measures the real targets (import ≤ 3 s, search p95 ≤ 25 ms).
 */
class HundredThousandIT extends CoreIntegrationTest {

    @Autowired ContactImport imports;
    @Autowired ContactQueries contacts;
    @Autowired TagQueries tags;
    @Autowired ImportHistory history;

    @Test
    void importsAndSearchesAHundredThousandContacts() {
        StringBuilder b = new StringBuilder("phone,name,tags,city,notes\n");
        for (int i = 0; i < 100_000; i++) {
            b.append("+39 3").append(30_000_000 + i * 7).append(",Persona ").append(i).append(" Rossi,")
                    .append("t").append(i % 20).append(',').append("Città ").append(i % 50).append(",note ").append(i).append('\n');
        }
        byte[] csv = b.toString().getBytes(StandardCharsets.UTF_8);

        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ImportPreviewView p = imports.preview(new ByteArrayInputStream(csv), ImportOptions.defaults("big.csv"));
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        ImportResultView r = imports.commit(p.id(), null);
        long t2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        System.out.printf("[figures] 100k rows (%d KB): preview %d ms (this thread's CPU %d ms; numbers are checked in parallel),"
                        + " commit %d ms (CPU %d ms), total %d ms; load average %.1f on %d cores%n", csv.length / 1024,
                (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000, (t2 - t0) / 1_000_000,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        assertThat(p.validRows()).isEqualTo(100_000);
        assertThat(r.created()).isEqualTo(100_000);
        assertThat((t2 - t0) / 1_000_000).as("loose guard against pathological slowness only").isLessThan(180_000);

        long tag = tags.findByName("t7").orElseThrow().id();
        List<ContactSearch> searches = List.of(
                new ContactSearch(null, null, Paging.of(0, 50)),
                new ContactSearch(null, null, Paging.of(1_000, 50)),
                new ContactSearch(ContactFilter.text("rossi"), null, Paging.of(0, 50)),
                new ContactSearch(ContactFilter.text("persona 4242"), null, Paging.of(0, 50)),
                new ContactSearch(ContactFilter.text("333 0000"), null, Paging.of(0, 50)),
                new ContactSearch(ContactFilter.text("zzz-not-there"), null, Paging.of(0, 50)),
                new ContactSearch(new ContactFilter(null, Set.of(tag)), ContactSort.parse("-updated"), Paging.of(0, 50)),
                new ContactSearch(new ContactFilter("ross", Set.of(tag)), ContactSort.parse("phone"), Paging.of(3, 50)));
        for (int i = 0; i < 3; i++) searches.forEach(contacts::search); // warm up
        for (ContactSearch s : searches) {
            List<Long> micros = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < 20; i++) {
                long s0 = System.nanoTime();
                total = contacts.search(s).total();
                micros.add((System.nanoTime() - s0) / 1_000);
            }
            Collections.sort(micros);
            System.out.printf("[figures] search %-60s -> %6d hits, median %5.1f ms, p95 %5.1f ms%n",
                    s.filter() + " " + s.sort().field() + " p" + s.paging().page(), total,
                    micros.get(10) / 1000.0, micros.get(18) / 1000.0);
        }

        long e0 = System.nanoTime();
        long exported = imports.exportCsv(ContactFilter.all(), new ByteArrayOutputStream());
        System.out.printf("[figures] export of %d contacts: %d ms%n", exported, (System.nanoTime() - e0) / 1_000_000);
        assertThat(exported).isEqualTo(100_000);

        // a wrong file of this size is undone as a whole (the contacts list can only delete a page at a time)
        long u0 = System.nanoTime();
        ImportUndoView undone = history.undo(r.importId());
        System.out.printf("[figures] undo of that import: %d contacts removed in %d ms%n", undone.removed(),
                (System.nanoTime() - u0) / 1_000_000);
        assertThat(undone.removed()).isEqualTo(100_000);
        assertThat(contacts.search(new ContactSearch(null, null, Paging.of(0, 50))).total()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from contact_tag", Long.class)).isZero();
    }
}
