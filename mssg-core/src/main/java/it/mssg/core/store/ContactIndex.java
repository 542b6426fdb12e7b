package it.mssg.core.store;

import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactSort;
import it.mssg.core.api.Paging;
import it.mssg.core.api.SortDirection;
import it.mssg.core.domain.ContactText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contact list's search and ordering, in memory: for every contact its id, the lower-case
 * {@code search_text} and {@code sort_name} the database stores, its number, update time and tag ids.
 * A search looks for the fragment in all search texts at once (one string, {@code String.indexOf}, which
 * the JVM runs with vector instructions) and maps each hit to its contact by offset, then walks the
 * requested order only until the page is full — a few milliseconds at 100k contacts, where the database
 * would scan every row for {@code LIKE '%…%'}. Only ids come out of here; the page's rows are then read from the database, so
 * what is shown is always current.
 * <p>
 * The snapshot is column-wise (parallel primitive arrays; the search texts one after another in one
 * string, names and numbers packed as UTF-8 into one byte array each) rather than an object per contact with boxed maps: about 150 bytes a contact instead of ~860,
 * which is most of the app's live heap at 100k contacts.
 * <p>
 * Kept in step by the stores: after a transaction that changed contacts commits, they report the ids
 * (or "everything", e.g. after an import) and the next search reloads just those. A rollback reports
 * nothing. As a safety net for writers that do not report, each search also compares the table's highest
 * id with the snapshot's and reloads everything when they differ: an index look-up. Not the row count:
 * on H2 a {@code count(*)} that meets another session's write in flight scans the whole table (~100k rows
 * read from the file), which under load made the check the contact screens' biggest cost. Every writer of
 * mssg deletes contacts through a store that reports them (deleting everything ends in a restart).
 * <p>
 * The first load happens on a low-priority thread once the app is ready, so the first search rarely
 * pays for it; a search that comes earlier waits for that load (both take the same lock) and is exact.
 */
@Component
class ContactIndex {

    private static final Logger log = LoggerFactory.getLogger(ContactIndex.class);

    /** One page of ids in order, and how many contacts match in all. */
    record Hits(List<Long> ids, long total) {
    }

    /** Strings stored as UTF-8 one after another: string {@code i} is {@code bytes[start[i] .. start[i + 1])}. */
    record Packed(byte[] bytes, int[] start) {

        int from(int i) {
            return start[i];
        }

        int to(int i) {
            return start[i + 1];
        }

        /** Unsigned byte order of UTF-8 = code point order (String.compareTo differs only past U+FFFF). */
        int compare(int i, int j) {
            return Arrays.compareUnsigned(bytes, start[i], start[i + 1], bytes, start[j], start[j + 1]);
        }

        boolean isEmpty(int i) {
            return start[i] == start[i + 1];
        }
    }

    /** An immutable view of all contacts, at position {@code i} the {@code i}-th smallest id; orderings are built when first asked for. */
    static final class Snapshot {
        final int size;
        final long[] ids;
        final long[] updatedAt;
        /** every contact's search text one after another: contact i's is {@code searchText[textStart[i] .. textStart[i + 1])} */
        final String searchText;
        final int[] textStart;
        final Packed sortName;
        /** empty for contacts without a number (a stored phone_e164 is never empty: it starts with '+') */
        final Packed phone;
        /** tags of position i: {@code tagIds[tagStart[i] .. tagStart[i + 1])}, ascending */
        final int[] tagStart;
        final long[] tagIds;
        final long maxId;
        private final Map<ContactSort.Field, int[]> orders = new ConcurrentHashMap<>();

        Snapshot(int size, long[] ids, long[] updatedAt, String searchText, int[] textStart, Packed sortName, Packed phone,
                 int[] tagStart, long[] tagIds) {
            this.size = size;
            this.ids = ids;
            this.updatedAt = updatedAt;
            this.searchText = searchText;
            this.textStart = textStart;
            this.sortName = sortName;
            this.phone = phone;
            this.tagStart = tagStart;
            this.tagIds = tagIds;
            this.maxId = size == 0 ? 0 : ids[size - 1];
        }

        /** The contact whose search text holds character {@code p}, searching from contact {@code from} on. */
        int contactAt(int p, int from) {
            int lo = from, hi = size - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (textStart[mid] <= p) lo = mid;
                else hi = mid - 1;
            }
            return lo;
        }

        boolean hasAll(int i, long[] tags) {
            for (long t : tags) {
                if (Arrays.binarySearch(tagIds, tagStart[i], tagStart[i + 1], t) < 0) return false;
            }
            return true;
        }

        /** Positions in the field's ascending order, ties by id; null for CREATED, which is position order (ids grow with creation time). */
        int[] ordered(ContactSort.Field field) {
            if (field == ContactSort.Field.CREATED) return null;
            return orders.computeIfAbsent(field, f -> {
                Integer[] all = new Integer[size];
                for (int i = 0; i < size; i++) all[i] = i;
                // positions ascend with id, so comparing positions breaks ties by id
                java.util.Comparator<Integer> c = switch (f) {
                    case NAME -> (a, b) -> {
                        int r = sortName.compare(a, b);
                        return r != 0 ? r : Integer.compare(a, b);
                    };
                    case PHONE -> (a, b) -> {
                        boolean na = phone.isEmpty(a), nb = phone.isEmpty(b);
                        int r = na != nb ? (na ? 1 : -1) : phone.compare(a, b); // no number last
                        return r != 0 ? r : Integer.compare(a, b);
                    };
                    case UPDATED -> (a, b) -> {
                        int r = Long.compare(updatedAt[a], updatedAt[b]);
                        return r != 0 ? r : Integer.compare(a, b);
                    };
                    case CREATED -> throw new IllegalStateException();
                };
                Arrays.parallelSort(all, c);
                int[] out = new int[size];
                for (int i = 0; i < size; i++) out[i] = all[i];
                return out;
            });
        }
    }

    private final JdbcTemplate jdbc;
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private volatile boolean allDirty = true;
    /** the lowest id reported by {@link #addedAbove} since the last load; {@code Long.MAX_VALUE} when none */
    private final java.util.concurrent.atomic.AtomicLong addedAbove = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    private volatile Snapshot snapshot;

    /** Up to this many changed contacts are read again by id; more, and everything is. */
    private static final int READ_BY_ID_UP_TO = 5_000;

    ContactIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- warm-up

    @EventListener(ApplicationReadyEvent.class)
    void warmUpInBackground() {
        Thread t = new Thread(this::warmUp, "contact-index-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Loads the snapshot and the default (by name) order, so the first contact list finds both ready. */
    void warmUp() {
        try {
            long started = System.nanoTime();
            Snapshot s = current();
            s.ordered(ContactSort.Field.NAME);
            log.info("Contact index ready: {} contacts in {} ms", s.size, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // e.g. the app is shutting down; the first search loads it instead
            log.info("Contact index warm-up skipped: {}", e.toString());
        }
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

    /** These contacts changed; past a few thousand, one pass over all of them costs less than reading these by id. */
    void changedMany(Collection<Long> ids) {
        if (ids.size() > READ_BY_ID_UP_TO) changedAll();
        else changed(ids);
    }

    /** Too many changes to list: reload everything on the next search. */
    void changedAll() {
        afterCommit(() -> allDirty = true);
    }

    /**
     * Contacts were added with ids above {@code id} in the current transaction (an import: too many to list). The
     * next search reads only the contacts above the snapshot's top id and keeps the rest of it, rather than all of
     * them again, when the snapshot ends at or below {@code id}; else (it already holds later contacts, so some of
     * these may be missing in the middle) it reloads everything.
     */
    void addedAbove(long id) {
        afterCommit(() -> addedAbove.accumulateAndGet(id, Math::min));
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

    /** How many contacts there are, as of the last committed and reported change. */
    long count() {
        return current().size;
    }

    Hits search(ContactFilter filter, ContactSort sort, Paging paging) {
        Snapshot s = current();
        String fragment = ContactText.queryFragment(filter.text());
        String needle = fragment == null || fragment.isEmpty() ? null : fragment;
        boolean anchored = ContactText.anchored(filter.text());
        long[] tags = filter.tagIds().stream().mapToLong(Long::longValue).sorted().toArray();
        int n = s.size;

        // which positions match, as a bit set over positions
        long[] match = null;
        int total = n;
        if (needle != null) {
            match = new long[(n + 63) >>> 6];
            total = 0;
            int c = 0;
            int p = n == 0 ? -1 : s.searchText.indexOf(needle);
            while (p >= 0) {
                c = s.contactAt(p, c);
                int end = s.textStart[c + 1];
                if (anchored && p > s.textStart[c] && s.searchText.charAt(p - 1) != ' ') {
                    // inside a number or word: a later hit in the same contact may still begin one
                    p = s.searchText.indexOf(needle, p + 1);
                    continue;
                }
                // a hit running past the end of contact c's text is no hit; any later one in c would run past too
                if (p + needle.length() <= end && (tags.length == 0 || s.hasAll(c, tags))) {
                    match[c >>> 6] |= 1L << c;
                    total++;
                }
                p = s.searchText.indexOf(needle, end);
            }
        } else if (tags.length > 0) {
            match = new long[(n + 63) >>> 6];
            total = 0;
            for (int i = 0; i < n; i++) {
                if (!s.hasAll(i, tags)) continue;
                match[i >>> 6] |= 1L << i;
                total++;
            }
        }

        // the page: walk the order only until it is full
        int[] order = s.ordered(sort.field());
        boolean desc = sort.direction() == SortDirection.DESC;
        long from = paging.offset();
        List<Long> page = new ArrayList<>(paging.size());
        if (from < total) {
            long seen = 0;
            for (int k = 0; k < n && page.size() < paging.size(); k++) {
                int idx = desc ? n - 1 - k : k;
                int i = order == null ? idx : order[idx];
                if (match != null && (match[i >>> 6] & (1L << i)) == 0) continue;
                if (seen++ >= from) page.add(s.ids[i]);
            }
        }
        return new Hits(page, total);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && !allDirty && dirty.isEmpty() && addedAbove.get() == Long.MAX_VALUE && unchangedShape(s)) return s;
        synchronized (this) {
            s = snapshot;
            long above = addedAbove.getAndSet(Long.MAX_VALUE);
            boolean reload = s == null || allDirty;
            if (!reload && above != Long.MAX_VALUE) {
                if (s.maxId <= above) s = append(s); // then the reported ids below, if any
                else reload = true;
            }
            if (reload || !unchangedShape(s)) {
                allDirty = false;
                dirty.clear();
                s = loadAll();
            } else if (!dirty.isEmpty()) {
                List<Long> ids = new ArrayList<>(dirty);
                dirty.removeAll(ids);
                s = merge(s, ids);
            }
            snapshot = s;
            return s;
        }
    }

    /** Rows added by a writer that did not report them show up as a different top id. */
    private boolean unchangedShape(Snapshot s) {
        return jdbc.queryForObject("select coalesce(max(id), 0) from contact", Long.class) == s.maxId;
    }

    // ---- loading

    private static final String COLUMNS = "select id, search_text, sort_name, phone_e164, updated_at from contact";

    private Snapshot loadAll() {
        Builder b = new Builder();
        loadInto(b, "", new Object[0]);
        return b.build();
    }

    /** The old snapshot and the contacts above its top id, read from the database. */
    private Snapshot append(Snapshot old) {
        Builder b = new Builder();
        for (int i = 0; i < old.size; i++) b.copy(old, i);
        loadInto(b, " > ?", new Object[]{old.maxId});
        return b.build();
    }

    /** The old snapshot with the changed ids read again: contacts that no longer exist drop out. */
    private Snapshot merge(Snapshot old, List<Long> changedIds) {
        long[] changed = changedIds.stream().mapToLong(Long::longValue).sorted().toArray();
        Builder fresh = new Builder();
        for (List<Long> chunk : Sql.chunks(Arrays.stream(changed).boxed().toList(), Sql.CHUNK)) {
            loadInto(fresh, " in (" + Sql.marks(chunk.size()) + ")", chunk.toArray());
        }
        Snapshot f = fresh.build();
        Builder b = new Builder();
        int i = 0, j = 0;
        while (i < old.size || j < f.size) {
            if (i < old.size && Arrays.binarySearch(changed, old.ids[i]) >= 0) {
                i++;
            } else if (j >= f.size || (i < old.size && old.ids[i] < f.ids[j])) {
                b.copy(old, i++);
            } else {
                b.copy(f, j++);
            }
        }
        return b.build();
    }

    /**
     * Appends the contacts whose id matches {@code idCondition} (empty = all), in id order, with their
     * tags; both queries are ordered by contact id so the two are walked side by side.
     */
    private void loadInto(Builder b, String idCondition, Object[] args) {
        LongList tagContact = new LongList();
        LongList tagId = new LongList();
        String tagWhere = idCondition.isEmpty() ? "" : " where contact_id" + idCondition;
        jdbc.query("select contact_id, tag_id from contact_tag" + tagWhere + " order by contact_id, tag_id", rs -> {
            tagContact.add(rs.getLong(1));
            tagId.add(rs.getLong(2));
        }, args);
        String where = idCondition.isEmpty() ? "" : " where id" + idCondition;
        int[] t = {0};
        jdbc.query(COLUMNS + where + " order by id", (ResultSet rs) -> {
            long id = rs.getLong(1);
            while (t[0] < tagContact.size && tagContact.values[t[0]] < id) t[0]++;
            int tagFrom = t[0];
            while (t[0] < tagContact.size && tagContact.values[t[0]] == id) t[0]++;
            b.add(rs, id, tagId.values, tagFrom, t[0]);
        }, args);
    }

    /** Collects contacts in id order into growing arrays. */
    private static final class Builder {
        private int size;
        private long[] ids = new long[64];
        private long[] updatedAt = new long[64];
        private final StringBuilder searchText = new StringBuilder(1024);
        private int[] textStart = new int[65];
        private final PackedBuilder sortName = new PackedBuilder();
        private final PackedBuilder phone = new PackedBuilder();
        private int[] tagStart = new int[65];
        private final LongList tagIds = new LongList();

        void add(ResultSet rs, long id, long[] tags, int tagFrom, int tagTo) throws SQLException {
            grow();
            ids[size] = id;
            Timestamp updated = rs.getTimestamp(5);
            updatedAt[size] = updated == null ? 0 : updated.getTime();
            searchText.append(rs.getString(2));
            textStart[size + 1] = searchText.length();
            sortName.add(ContactText.sortKey(rs.getString(3)));
            phone.add(rs.getString(4));
            for (int k = tagFrom; k < tagTo; k++) tagIds.add(tags[k]);
            tagStart[++size] = tagIds.size;
        }

        void copy(Snapshot s, int i) {
            grow();
            ids[size] = s.ids[i];
            updatedAt[size] = s.updatedAt[i];
            searchText.append(s.searchText, s.textStart[i], s.textStart[i + 1]);
            textStart[size + 1] = searchText.length();
            sortName.copy(s.sortName, i);
            phone.copy(s.phone, i);
            for (int k = s.tagStart[i]; k < s.tagStart[i + 1]; k++) tagIds.add(s.tagIds[k]);
            tagStart[++size] = tagIds.size;
        }

        private void grow() {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                updatedAt = Arrays.copyOf(updatedAt, size * 2);
                tagStart = Arrays.copyOf(tagStart, size * 2 + 1);
                textStart = Arrays.copyOf(textStart, size * 2 + 1);
            }
        }

        Snapshot build() {
            return new Snapshot(size, Arrays.copyOf(ids, size), Arrays.copyOf(updatedAt, size),
                    searchText.toString(), Arrays.copyOf(textStart, size + 1), sortName.build(size), phone.build(size),
                    Arrays.copyOf(tagStart, size + 1), Arrays.copyOf(tagIds.values, tagIds.size));
        }
    }

    private static final class PackedBuilder {
        private byte[] bytes = new byte[1024];
        private int length;
        private int[] start = new int[65];
        private int count;

        void add(String s) {
            if (s != null) append(s.getBytes(StandardCharsets.UTF_8), 0, -1);
            start[++count] = length;
            ensureStarts();
        }

        void copy(Packed p, int i) {
            append(p.bytes(), p.from(i), p.to(i));
            start[++count] = length;
            ensureStarts();
        }

        private void append(byte[] src, int from, int to) {
            int end = to < 0 ? src.length : to;
            int n = end - from;
            if (length + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            System.arraycopy(src, from, bytes, length, n);
            length += n;
        }

        private void ensureStarts() {
            if (count + 1 == start.length) start = Arrays.copyOf(start, start.length * 2);
        }

        Packed build(int size) {
            return new Packed(Arrays.copyOf(bytes, length), Arrays.copyOf(start, size + 1));
        }
    }

    private static final class LongList {
        long[] values = new long[64];
        int size;

        void add(long v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }
    }
}
