package it.mssg.core.store;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactSort;
import it.mssg.core.api.Paging;
import it.mssg.core.domain.ContactText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The packed in-memory index against rows written straight into the database, as the stores write them. */
class ContactIndexIT extends CoreIntegrationTest {

    @Autowired
    ContactIndex index;
    @Autowired
    ExportStore export;

    private long time = 1_000_000;

    @Test
    void textFragmentsMatchNamesPushNamesNumbersAndIdsIgnoringCaseAndAccents() {
        contact("Anna Bianchi", null, "+393471234567", null);
        contact("Zoë Rossini", "Zo", "+393481202222", null);
        contact(null, "Marco Rossi", "+31612345678", null);
        contact("Émile Zola", null, null, "123456789@lid");
        contact("Dora Bell", null, "+12025550123", null);
        index.changedAll();

        Object[][] table = {
                {null, List.of("Anna Bianchi", "Dora Bell", "Émile Zola", "Marco Rossi", "Zoë Rossini")}, // by name, accents aside
                {"ross", List.of("Marco Rossi", "Zoë Rossini")},
                {"ROSS", List.of("Marco Rossi", "Zoë Rossini")},
                {"ZOË", List.of("Zoë Rossini")},
                {"zoe", List.of("Zoë Rossini")},
                {"emile", List.of("Émile Zola")},
                {"émile", List.of("Émile Zola")},
                {"ÉMILE", List.of("Émile Zola")},
                {"marco", List.of("Marco Rossi")},
                {"347 12", List.of("Anna Bianchi")},
                {"+39 348", List.of("Zoë Rossini")},
                {"06 1234", List.of("Marco Rossi")},
                {"3456789", List.of("Émile Zola")},
                {"100%_!", List.of()},
                {"a", List.of("Anna Bianchi", "Dora Bell", "Émile Zola", "Marco Rossi")},
                {"1202", List.of("Dora Bell", "Zoë Rossini")}, // digits alone match anywhere in a number
                {"+1 202", List.of("Dora Bell")}, // written with + (or 00) they match from the number's start
                {"001 202", List.of("Dora Bell")},
                {"+39 348 1202", List.of("Zoë Rossini")},
                {"+1202555", List.of("Dora Bell")},
                {"+348", List.of("Zoë Rossini")}, // the start of the national form (348 120 2222) counts too
                {"+202", List.of("Dora Bell")},
                {"+2222", List.of()},
                {"zola", List.of("Émile Zola")},
                {"rossini zo", List.of("Zoë Rossini")}, // names and number are one text
                {"4567zoë", List.of()}, // the end of one contact's text and the start of the next one's are no hit
        };
        for (Object[] row : table) {
            List<Long> ids = index.search(new ContactFilter((String) row[0], Set.of()), ContactSort.byName(), Paging.of(0, 50)).ids();
            assertThat(names(ids)).as("text %s", row[0]).isEqualTo(row[1]);
            // the export of the same filter (SQL, not the index) holds the same contacts
            List<Long> exported = new ArrayList<>();
            export.forEach(new ContactFilter((String) row[0], Set.of()), r -> exported.add(r.id()));
            assertThat(exported).as("export of %s", row[0]).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void tagFiltersKeepContactsWithAllTheTagsAndCombineWithText() {
        long vip = tag("vip");
        long family = tag("family");
        long anna = contact("Anna", null, "+393470000001", null);
        long bruno = contact("Bruno", null, "+393470000002", null);
        long carla = contact("Carla", null, "+393470000003", null);
        tagged(anna, vip);
        tagged(anna, family);
        tagged(bruno, vip);
        tagged(carla, family);
        index.changedAll();

        Object[][] table = {
                {null, Set.of(vip), List.of("Anna", "Bruno")},
                {null, Set.of(family), List.of("Anna", "Carla")},
                {null, Set.of(vip, family), List.of("Anna")},
                {"bru", Set.of(vip), List.of("Bruno")},
                {"bru", Set.of(family), List.of()},
                {null, Set.of(vip, 999L), List.of()},
        };
        for (Object[] row : table) {
            @SuppressWarnings("unchecked") Set<Long> tags = (Set<Long>) row[1];
            ContactIndex.Hits hits = index.search(new ContactFilter((String) row[0], tags), ContactSort.byName(), Paging.of(0, 50));
            assertThat(names(hits.ids())).as("%s %s", row[0], tags).isEqualTo(row[2]);
            assertThat(hits.total()).isEqualTo(((List<?>) row[2]).size());
        }
    }

    @Test
    void sortsByEveryFieldBothWaysWithTiesByIdAndPages() {
        long b1 = contact("Bea", null, "+393470000009", null);
        long a = contact("alberto", null, null, "1@lid");
        long b2 = contact("bea", null, "+393470000001", null);
        long c = contact("Carlo", null, "+12025550100", null);
        index.changedAll();
        touch(a, 5_000_000);
        touch(c, 4_000_000);
        index.changed(List.of(a, c));

        Object[][] table = {
                {"name", List.of(a, b1, b2, c)},
                {"-name", List.of(c, b2, b1, a)},
                {"phone", List.of(c, b2, b1, a)},
                {"-phone", List.of(a, b1, b2, c)},
                {"created", List.of(b1, a, b2, c)},
                {"-created", List.of(c, b2, a, b1)},
                {"updated", List.of(b1, b2, c, a)},
                {"-updated", List.of(a, c, b2, b1)},
        };
        for (Object[] row : table) {
            ContactSort sort = ContactSort.parse((String) row[0]);
            assertThat(index.search(ContactFilter.all(), sort, Paging.of(0, 50)).ids()).as("%s", row[0]).isEqualTo(row[1]);
            List<?> all = (List<?>) row[1];
            ContactIndex.Hits second = index.search(ContactFilter.all(), sort, Paging.of(1, 3));
            assertThat(second.ids()).as("%s page 2", row[0]).isEqualTo(all.subList(3, 4));
            assertThat(second.total()).isEqualTo(4);
        }
        ContactIndex.Hits beyond = index.search(new ContactFilter("bea", Set.of()), ContactSort.byName(), Paging.of(1, 2));
        assertThat(beyond.ids()).isEmpty();
        assertThat(beyond.total()).isEqualTo(2);
    }

    @Test
    void accentedNamesSortAmongTheirLettersNotAfterZ() {
        long zed = contact("Zed", null, null, "1@lid");
        long emile = contact("Émile", null, null, "2@lid");
        long arger = contact("Ärger", null, null, "3@lid");
        long dario = contact("dario", null, null, "4@lid");
        index.changedAll();
        assertThat(index.search(ContactFilter.all(), ContactSort.byName(), Paging.of(0, 10)).ids())
                .containsExactly(arger, dario, emile, zed);
    }

    @Test
    void reportedChangesAndUnreportedInsertsAreVisibleOnTheNextSearch() {
        long vip = tag("vip");
        long anna = contact("Anna", null, "+393470000001", null);
        long bruno = contact("Bruno", null, "+393470000002", null);
        index.changedAll();
        assertThat(names(search("anna").ids())).containsExactly("Anna");

        rename(anna, "Annabella");
        tagged(bruno, vip);
        index.changed(List.of(anna, bruno));
        assertThat(names(search("bella").ids())).containsExactly("Annabella");
        assertThat(index.search(new ContactFilter(null, Set.of(vip)), ContactSort.byName(), Paging.of(0, 10)).ids()).containsExactly(bruno);

        jdbc.update("delete from contact where id = ?", anna);
        index.changed(anna);
        assertThat(search(null).ids()).containsExactly(bruno);

        long carla = contact("Carla", null, null, "5@lid"); // not reported: caught by the top id check
        assertThat(search(null).ids()).containsExactly(bruno, carla);
    }

    @Test
    void contactsAddedAboveAnIdAreReadWithoutReadingTheOthersAgain() {
        long vip = tag("vip");
        long anna = contact("Anna", null, "+393470000001", null);
        index.changedAll();
        assertThat(names(search(null).ids())).containsExactly("Anna");

        long bruno = contact("Bruno", null, "+393470000002", null);
        long carla = contact("Carla", null, null, "7@lid");
        tagged(carla, vip);
        rename(anna, "Annabella"); // not reported: the snapshot keeps Anna as read, which shows it was not reloaded
        index.addedAbove(anna);
        assertThat(search(null).ids()).containsExactly(anna, bruno, carla);
        assertThat(index.search(new ContactFilter(null, Set.of(vip)), ContactSort.byName(), Paging.of(0, 10)).ids()).containsExactly(carla);
        assertThat(search("347 0000002").ids()).containsExactly(bruno);
        assertThat(search("bella").ids()).isEmpty();

        index.addedAbove(anna - 1); // the snapshot holds contacts above that id already: everything is read again
        assertThat(search("bella").ids()).containsExactly(anna);
        assertThat(search(null).ids()).containsExactly(anna, bruno, carla);
    }

    @Test
    void aSearchRightAfterStartWaitsForTheBackgroundWarmUpAndIsExact() {
        insertMany(3_000, "warm");
        index.changedAll();
        index.warmUpInBackground();
        ContactIndex.Hits hits = index.search(new ContactFilter("warm 001", Set.of()), ContactSort.byName(), Paging.of(0, 50));
        assertThat(names(hits.ids())).containsExactly("warm 0010", "warm 0011", "warm 0012", "warm 0013", "warm 0014",
                "warm 0015", "warm 0016", "warm 0017", "warm 0018", "warm 0019");
        assertThat(search(null).total()).isEqualTo(3_000);
    }

    @Test
    void readersSeeConsistentPagesWhileAWriterAddsAndRenames() throws Exception {
        insertMany(500, "base");
        index.changedAll();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int rounds = 0;
                    long lastTotal = 0;
                    while (writing.get() || rounds < 3) {
                        ContactIndex.Hits h = index.search(ContactFilter.all(), ContactSort.byName(), Paging.of(0, 20));
                        assertThat(h.ids()).hasSize(20).doesNotHaveDuplicates();
                        assertThat(h.total()).isGreaterThanOrEqualTo(lastTotal); // rows are only added
                        lastTotal = h.total();
                        rounds++;
                    }
                    return rounds;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    long id = contact("added " + i, null, null, "w" + i + "@lid");
                    index.changed(id);
                    if (i % 10 == 0) {
                        rename(id, "renamed " + i);
                        index.changed(id);
                    }
                }
                writing.set(false);
            });
            writer.get(2, TimeUnit.MINUTES);
            for (Future<Integer> r : readers) assertThat(r.get(2, TimeUnit.MINUTES)).isGreaterThanOrEqualTo(3);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertThat(search(null).total()).isEqualTo(700);
        assertThat(search("renamed").total()).isEqualTo(20);
        assertThat(search("added").total()).isEqualTo(180);
    }

    // ---- helpers

    private ContactIndex.Hits search(String text) {
        return index.search(new ContactFilter(text, Set.of()), ContactSort.byName(), Paging.of(0, 100));
    }

    private List<String> names(List<Long> ids) {
        List<String> out = new ArrayList<>();
        for (long id : ids) {
            Map<String, Object> row = jdbc.queryForMap("select display_name, push_name from contact where id = ?", id);
            out.add((String) (row.get("display_name") != null ? row.get("display_name") : row.get("push_name")));
        }
        return out;
    }

    private long contact(String displayName, String pushName, String phone, String waId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp at = new Timestamp(time++);
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into contact (wa_id, phone_e164, display_name, push_name, source,"
                    + " search_text, sort_name, created_at, updated_at) values (?, ?, ?, ?, 'MANUAL', ?, ?, ?, ?)", new String[]{"id"});
            ps.setString(1, waId);
            ps.setString(2, phone);
            ps.setString(3, displayName);
            ps.setString(4, pushName);
            ps.setString(5, ContactText.searchText(displayName, pushName, phone, waId));
            ps.setString(6, ContactText.sortName(displayName, pushName, phone, waId));
            ps.setTimestamp(7, at);
            ps.setTimestamp(8, at);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private void insertMany(int n, String prefix) {
        List<Object[]> rows = IntStream.range(0, n).mapToObj(i -> {
            String name = prefix + " " + String.format("%04d", i);
            String waId = prefix + i + "@lid";
            Timestamp at = new Timestamp(time++);
            return new Object[]{waId, name, ContactText.searchText(name, null, null, waId), ContactText.sortName(name, null, null, waId), at, at};
        }).toList();
        jdbc.batchUpdate("insert into contact (wa_id, display_name, source, search_text, sort_name, created_at, updated_at)"
                + " values (?, ?, 'CSV', ?, ?, ?, ?)", rows);
    }

    private void rename(long id, String name) {
        jdbc.update("update contact set display_name = ?, search_text = ?, sort_name = ?, updated_at = ? where id = ?",
                name, ContactText.searchText(name, null, null, null), ContactText.sortName(name, null, null, null),
                new Timestamp(time++), id);
    }

    private void touch(long id, long epochMillis) {
        jdbc.update("update contact set updated_at = ? where id = ?", new Timestamp(epochMillis), id);
    }

    private long tag(String name) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into tag (name, name_key, color, created_at) values (?, ?, '#336699', ?)",
                    new String[]{"id"});
            ps.setString(1, name);
            ps.setString(2, name);
            ps.setTimestamp(3, new Timestamp(time++));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private void tagged(long contactId, long tagId) {
        jdbc.update("insert into contact_tag (contact_id, tag_id) values (?, ?)", contactId, tagId);
    }
}
