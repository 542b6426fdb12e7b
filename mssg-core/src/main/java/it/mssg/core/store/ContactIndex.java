package it.mssg.core.store;

import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactSort;
import it.mssg.core.api.Paging;
import it.mssg.core.api.SortDirection;
import it.mssg.core.domain.ContactText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contact list's search and ordering, in memory: for every contact its id, the lower-case
 * {@code search_text} and {@code sort_name} the database stores, its number, update time and tag ids.
 * A search walks the array in the requested order and tests each entry with {@code String.contains} —
 * a few milliseconds at 100k contacts, where the database would scan every row for {@code LIKE '%…%'}.
 * Only ids come out of here; the page's rows are then read from the database, so what is shown is
 * always current.
 * <p>
 * Kept in step by the stores: after a transaction that changed contacts commits, they report the ids
 * (or "everything", e.g. after an import) and the next search reloads just those. A rollback reports
 * nothing. As a safety net for writers that do not report, each search also compares the table's row
 * count and highest id with the snapshot's and reloads everything when they differ.
 */
@Component
class ContactIndex {

    record Entry(long id, String searchText, String sortName, String phone, long updatedAt, long[] tagIds) {
        boolean hasAll(Set<Long> tags) {
            for (Long t : tags) {
                if (Arrays.binarySearch(tagIds, t) < 0) return false;
            }
            return true;
        }
    }

    /** An immutable view of all contacts; orderings are built when first asked for. */
    static final class Snapshot {
        final Map<Long, Entry> byId;
        final long count;
        final long maxId;
        private final Map<ContactSort.Field, Entry[]> orders = new ConcurrentHashMap<>();

        Snapshot(Map<Long, Entry> byId) {
            this.byId = byId;
            this.count = byId.size();
            this.maxId = byId.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        Entry[] ordered(ContactSort.Field field) {
            return orders.computeIfAbsent(field, f -> {
                Entry[] all = byId.values().toArray(new Entry[0]);
                Comparator<Entry> byIdAsc = Comparator.comparingLong(Entry::id);
                Comparator<Entry> c = switch (f) {
                    case NAME -> Comparator.comparing(Entry::sortName).thenComparing(byIdAsc);
                    case PHONE -> Comparator.comparing(Entry::phone, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(byIdAsc);
                    case UPDATED -> Comparator.comparingLong(Entry::updatedAt).thenComparing(byIdAsc);
                    case CREATED -> byIdAsc; // ids grow with creation time
                };
                Arrays.parallelSort(all, c);
                return all;
            });
        }
    }

    /** One page of ids in order, and how many contacts match in all. */
    record Hits(List<Long> ids, long total) {
    }

    private final JdbcTemplate jdbc;
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private volatile boolean allDirty = true;
    private volatile Snapshot snapshot;

    ContactIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- change reports

    /** These contacts changed (created, edited, tagged, deleted) in the current transaction. */
    void changed(Collection<Long> ids) {
        if (ids.isEmpty()) return;
        List<Long> copy = List.copyOf(ids);
        afterCommit(() -> dirty.addAll(copy));
    }

    void changed(long id) {
        changed(List.of(id));
    }

    /** Too many changes to list: reload everything on the next search. */
    void changedAll() {
        afterCommit(() -> allDirty = true);
    }

    private static void afterCommit(Runnable r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    r.run();
                }
            });
        } else {
            r.run();
        }
    }

    // ---- search

    Hits search(ContactFilter filter, ContactSort sort, Paging paging) {
        Snapshot s = current();
        String fragment = ContactText.queryFragment(filter.text());
        Set<Long> tags = filter.tagIds();
        Entry[] order = s.ordered(sort.field());
        boolean desc = sort.direction() == SortDirection.DESC;
        long from = paging.offset();
        long to = from + paging.size();
        List<Long> page = new ArrayList<>(paging.size());
        long matched = 0;
        int n = order.length;
        for (int k = 0; k < n; k++) {
            Entry e = order[desc ? n - 1 - k : k];
            if (fragment != null && !fragment.isEmpty() && !e.searchText().contains(fragment)) continue;
            if (!tags.isEmpty() && !e.hasAll(tags)) continue;
            if (matched >= from && matched < to) page.add(e.id());
            matched++;
        }
        return new Hits(page, matched);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && !allDirty && dirty.isEmpty() && unchangedShape(s)) return s;
        synchronized (this) {
            s = snapshot;
            if (s == null || allDirty || !unchangedShape(s)) {
                allDirty = false;
                dirty.clear();
                s = new Snapshot(load(null));
            } else if (!dirty.isEmpty()) {
                List<Long> ids = new ArrayList<>(dirty);
                dirty.removeAll(ids);
                Map<Long, Entry> byId = new HashMap<>(s.byId);
                ids.forEach(byId::remove);
                byId.putAll(load(ids));
                s = new Snapshot(byId);
            }
            snapshot = s;
            return s;
        }
    }

    /** Rows added or deleted by a writer that did not report them show up as a different count or top id. */
    private boolean unchangedShape(Snapshot s) {
        return jdbc.queryForObject("select count(*), coalesce(max(id), 0) from contact",
                (rs, i) -> rs.getLong(1) == s.count && rs.getLong(2) == s.maxId);
    }

    /** Entries for the given ids (all contacts when null); ids that no longer exist are simply absent. */
    private Map<Long, Entry> load(List<Long> ids) {
        Map<Long, List<Long>> tags = new HashMap<>();
        Map<Long, Entry> out = new HashMap<>();
        if (ids == null) {
            jdbc.query("select contact_id, tag_id from contact_tag", rs -> {
                tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getLong(2));
            });
            jdbc.query("select id, search_text, sort_name, phone_e164, updated_at from contact", rs -> {
                Entry e = entry(rs, tags);
                out.put(e.id(), e);
            });
            return out;
        }
        for (List<Long> chunk : Sql.chunks(ids, Sql.CHUNK)) {
            Object[] args = chunk.toArray();
            jdbc.query("select contact_id, tag_id from contact_tag where contact_id in (" + Sql.marks(chunk.size()) + ")", rs -> {
                tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getLong(2));
            }, args);
            jdbc.query("select id, search_text, sort_name, phone_e164, updated_at from contact where id in ("
                    + Sql.marks(chunk.size()) + ")", rs -> {
                Entry e = entry(rs, tags);
                out.put(e.id(), e);
            }, args);
        }
        return out;
    }

    private static Entry entry(java.sql.ResultSet rs, Map<Long, List<Long>> tags) throws java.sql.SQLException {
        long id = rs.getLong(1);
        java.sql.Timestamp updated = rs.getTimestamp(5);
        List<Long> t = tags.get(id);
        long[] tagIds = t == null ? new long[0] : t.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Entry(id, rs.getString(2), rs.getString(3), rs.getString(4), updated == null ? 0 : updated.getTime(), tagIds);
    }
}
