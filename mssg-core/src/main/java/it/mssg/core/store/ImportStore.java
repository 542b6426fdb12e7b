package it.mssg.core.store;

import it.mssg.core.api.ContactEdit;

import it.mssg.core.api.DuplicatePolicy;
import it.mssg.core.api.ImportProgress;
import it.mssg.core.api.ImportRowStatus;
import it.mssg.core.domain.ContactText;
import it.mssg.core.domain.TagPalette;
import it.mssg.core.domain.csv.ParsedRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an import with multi-row inserts (not a statement per row): contacts, then their custom fields and tags.
 * The caller holds the one transaction that makes it all-or-nothing.
 */
@Repository
public class ImportStore {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    private final ContactIndex index;

    ImportStore(JdbcTemplate jdbc, ContactIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    /**
     * @param created     new contacts
     * @param merged      stored contacts filled in
     * @param tagsCreated new tags
     * @param firstId     the lowest id among the new contacts (null without any); with {@code lastId} it bounds them
     * @param lastId      the highest
     * @param optedOut    stored contacts left as they were (SKIP) but opted out, as the file said (not those opted out
     *                    already)
     */
    public record Outcome(int created, int merged, int tagsCreated, Long firstId, Long lastId, int optedOut) {
    }

    /**
     * E.164 → id of stored contacts among {@code numbers}. Few numbers against many contacts: indexed
     * lookups; many numbers (a big file): one pass over the table is cheaper than thousands of lookups.
     */
    public Map<String, Long> idsByPhone(Collection<String> numbers) {
        Map<String, Long> out = new HashMap<>();
        if (numbers.isEmpty()) return out;
        long stored = jdbc.queryForObject("select count(*) from contact", Long.class);
        if (stored == 0) return out;
        if (numbers.size() > stored / 8) {
            java.util.Set<String> wanted = numbers instanceof java.util.Set<String> set ? set : new java.util.HashSet<>(numbers);
            jdbc.query("select phone_e164, id from contact where phone_e164 is not null", rs -> {
                String phone = rs.getString(1);
                if (wanted.contains(phone)) out.put(phone, rs.getLong(2));
            });
            return out;
        }
        for (List<String> chunk : Sql.chunks(List.copyOf(numbers), Sql.CHUNK)) {
            jdbc.query("select phone_e164, id from contact where phone_e164 in (" + Sql.marks(chunk.size()) + ")",
                    rs -> {
                        out.put(rs.getString(1), rs.getLong(2));
                    }, chunk.toArray());
        }
        return out;
    }

    /**
     * Stores VALID rows as new contacts (source CSV) and, under MERGE, fills in stored contacts for
     * DUPLICATE_IN_DB rows; under SKIP, stored contacts are left as they are but for an opt-out the file gives them.
     * Whether a number is stored is checked again here: numbers stored since the preview are treated as
     * DUPLICATE_IN_DB, and a DUPLICATE_IN_DB row whose contact was deleted since is a new contact.
     */
    public Outcome write(List<ParsedRow> rows, DuplicatePolicy policy, Instant now, ImportProgress progress) {
        List<ParsedRow> candidates = rows.stream().filter(r -> r.status() == ImportRowStatus.VALID
                || r.status() == ImportRowStatus.DUPLICATE_IN_DB).toList();
        Map<String, Long> stored = idsByPhone(candidates.stream().map(ParsedRow::e164).toList());
        List<ParsedRow> fresh = new ArrayList<>();
        List<ParsedRow> merge = new ArrayList<>();
        List<Long> optOuts = new ArrayList<>();
        for (ParsedRow r : candidates) {
            Long id = stored.get(r.e164());
            if (id == null) fresh.add(r);
            else if (policy == DuplicatePolicy.MERGE) merge.add(r);
            else if (r.optedOut()) optOuts.add(id);
        }
        long total = fresh.size() + merge.size();
        int[] tagsCreated = {0};
        List<ParsedRow> written = new ArrayList<>(fresh);
        written.addAll(merge);
        Map<String, Long> tagIds = ensureTags(written, now, tagsCreated);
        Timestamp ts = Timestamp.from(now);
        long done = 0;
        long step = Math.max(BATCH, total / 40);
        long nextReport = step;

        // new contacts; their ids are read back by a range scan of the primary key above the highest id
        // seen before (rows other writers commit meanwhile are skipped by number)
        long maxBefore = jdbc.queryForObject("select coalesce(max(id), 0) from contact", Long.class);
        long newAbove = maxBefore;
        long firstId = Long.MAX_VALUE;
        long lastId = Long.MIN_VALUE;
        for (List<ParsedRow> chunk : Sql.chunks(fresh, BATCH)) {
            List<Object[]> args = new ArrayList<>(chunk.size());
            for (ParsedRow r : chunk) {
                args.add(new Object[]{r.e164(), r.name(), r.notes(), r.optedOut(), "CSV",
                        ContactText.searchText(r.name(), null, r.e164(), null), ContactText.sortName(r.name(), null, r.e164(), null),
                        ts, ts});
            }
            // business takes its default, false; opted_out_at stays null, as when an opt-out is ticked by hand: the
            // file does not say when the contact opted out
            Sql.insertRows(jdbc, "insert into contact (phone_e164, display_name, notes, opted_out, source, search_text,"
                    + " sort_name, created_at, updated_at)", 9, args);
            Map<String, Long> ids = new HashMap<>(chunk.size() * 2);
            long[] top = {maxBefore};
            jdbc.query("select id, phone_e164 from contact where id > ? order by id", rs -> {
                ids.put(rs.getString(2), rs.getLong(1));
                top[0] = Math.max(top[0], rs.getLong(1));
            }, maxBefore);
            maxBefore = top[0];
            for (ParsedRow r : chunk) {
                Long id = ids.get(r.e164());
                if (id == null) continue; // reported by insertFieldsAndTags
                firstId = Math.min(firstId, id);
                lastId = Math.max(lastId, id);
            }
            insertFieldsAndTags(chunk, ids, tagIds, false);
            done += chunk.size();
            if (done >= nextReport) {
                progress.progressed(done, total);
                nextReport += step;
            }
        }

        // stored contacts, MERGE
        for (List<ParsedRow> chunk : Sql.chunks(merge, BATCH)) {
            Map<String, Long> ids = new HashMap<>();
            chunk.forEach(r -> ids.put(r.e164(), stored.get(r.e164())));
            fillIn(chunk, ids, now);
            insertFieldsAndTags(chunk, ids, tagIds, true);
            done += chunk.size();
            if (done >= nextReport) {
                progress.progressed(done, total);
                nextReport += step;
            }
        }
        // stored contacts, SKIP: an opt-out in the file is applied all the same (never the other way round)
        int optedOut = 0;
        for (List<Long> chunk : Sql.chunks(optOuts, Sql.CHUNK)) {
            List<Object> args = new ArrayList<>();
            args.add(ts);
            args.addAll(chunk);
            optedOut += jdbc.update("update contact set opted_out = true, updated_at = ? where id in ("
                    + Sql.marks(chunk.size()) + ") and opted_out = false", args.toArray());
        }
        progress.progressed(total, total);
        // the contact index reads just the new contacts and the merged ones, not all of them again
        if (!fresh.isEmpty()) index.addedAbove(newAbove);
        List<Long> changed = new ArrayList<>(optOuts);
        merge.forEach(r -> changed.add(stored.get(r.e164())));
        index.changedMany(changed);
        return fresh.isEmpty() ? new Outcome(0, merge.size(), tagsCreated[0], null, null, optedOut)
                : new Outcome(fresh.size(), merge.size(), tagsCreated[0], firstId, lastId, optedOut);
    }

    /** Tag key → id for every tag the rows name, creating the missing ones. */
    private Map<String, Long> ensureTags(List<ParsedRow> rows, Instant now, int[] created) {
        Map<String, String> wanted = new LinkedHashMap<>(); // key → first spelling
        rows.forEach(r -> r.tags().forEach(t -> wanted.putIfAbsent(t.toLowerCase(Locale.ROOT), t)));
        Map<String, Long> ids = new HashMap<>();
        if (wanted.isEmpty()) return ids;
        loadTagIds(wanted.keySet(), ids);
        List<Object[]> missing = new ArrayList<>();
        wanted.forEach((key, name) -> {
            if (!ids.containsKey(key)) missing.add(new Object[]{name, key, TagPalette.forName(name), Timestamp.from(now)});
        });
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("insert into tag (name, name_key, color, created_at) values (?, ?, ?, ?)", missing);
            created[0] = missing.size();
            loadTagIds(wanted.keySet(), ids);
        }
        return ids;
    }

    private void loadTagIds(Collection<String> keys, Map<String, Long> into) {
        for (List<String> chunk : Sql.chunks(List.copyOf(keys), Sql.CHUNK)) {
            jdbc.query("select name_key, id from tag where name_key in (" + Sql.marks(chunk.size()) + ")",
                    rs -> {
                        into.put(rs.getString(1), rs.getLong(2));
                    }, chunk.toArray());
        }
    }

    /**
     * @param existing the contacts are stored ones being filled in (MERGE): a field they have keeps its value, only
     *                 fields they lack (or hold empty) are written
     */
    private void insertFieldsAndTags(List<ParsedRow> chunk, Map<String, Long> ids, Map<String, Long> tagIds, boolean existing) {
        List<Object[]> fields = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        Map<Long, Map<String, StoredField>> stored = existing ? storedFields(ids.values()) : Map.of();
        for (ParsedRow r : chunk) {
            Long id = ids.get(r.e164());
            if (id == null) throw new IllegalStateException("contact not stored: " + r.e164());
            Map<String, StoredField> have = stored.getOrDefault(id, Map.of());
            int[] count = {have.size()};
            r.fields().forEach((k, v) -> {
                StoredField old = have.get(k.toLowerCase(Locale.ROOT)); // field names compare ignoring case
                if (old != null && !old.value().isBlank()) return;
                // a contact holds at most this many (its page could not save more): a merge adds up to the limit
                if (old == null && count[0] >= ContactEdit.MAX_FIELDS) return;
                if (old != null) deletes.add(new Object[]{id, old.key()});
                else count[0]++;
                fields.add(new Object[]{id, k, v});
            });
            for (String t : r.tags()) {
                Long tagId = tagIds.get(t.toLowerCase(Locale.ROOT));
                tags.add(existing ? new Object[]{id, tagId, id, tagId} : new Object[]{id, tagId});
            }
        }
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("delete from contact_field where contact_id = ? and field_key = ?", deletes);
        }
        Sql.insertRows(jdbc, "insert into contact_field (contact_id, field_key, field_value)", 3, fields);
        if (existing) {
            jdbc.batchUpdate("insert into contact_tag (contact_id, tag_id) select ?, ? from (values (1)) x"
                    + " where not exists (select 1 from contact_tag where contact_id = ? and tag_id = ?)", tags);
        } else {
            Sql.insertRows(jdbc, "insert into contact_tag (contact_id, tag_id)", 2, tags);
        }
    }

    private record StoredField(String key, String value) {
    }

    /** contact id → (field name in lower case → the stored field) */
    private Map<Long, Map<String, StoredField>> storedFields(Collection<Long> contactIds) {
        Map<Long, Map<String, StoredField>> out = new HashMap<>();
        for (List<Long> chunk : Sql.chunks(List.copyOf(contactIds), Sql.CHUNK)) {
            jdbc.query("select contact_id, field_key, field_value from contact_field where contact_id in ("
                    + Sql.marks(chunk.size()) + ")", rs -> {
                String key = rs.getString(2);
                out.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                        .put(key.toLowerCase(Locale.ROOT), new StoredField(key, rs.getString(3)));
            }, chunk.toArray());
        }
        return out;
    }

    /**
     * MERGE: empty names and notes take the file's values; search columns follow. A row marked opted out opts the
     * contact out (never back in).
     */
    private void fillIn(List<ParsedRow> chunk, Map<String, Long> ids, Instant now) {
        Map<Long, ParsedRow> byId = new HashMap<>();
        chunk.forEach(r -> byId.put(ids.get(r.e164()), r));
        List<Object[]> updates = new ArrayList<>();
        jdbc.query("select id, display_name, push_name, phone_e164, wa_id, notes, opted_out from contact where id in ("
                + Sql.marks(byId.size()) + ")", rs -> {
            long id = rs.getLong(1);
            ParsedRow r = byId.get(id);
            String name = rs.getString(2);
            String notes = rs.getString(6);
            boolean changed = false;
            if ((name == null || name.isBlank()) && r.name() != null) {
                name = r.name();
                changed = true;
            }
            if ((notes == null || notes.isBlank()) && r.notes() != null) {
                notes = r.notes();
                changed = true;
            }
            if (r.optedOut() && !rs.getBoolean(7)) {
                changed = true;
            }
            if (changed || !r.fields().isEmpty() || !r.tags().isEmpty()) {
                updates.add(new Object[]{name, notes, r.optedOut(), ContactText.searchText(name, rs.getString(3), rs.getString(4),
                        rs.getString(5)), ContactText.sortName(name, rs.getString(3), rs.getString(4), rs.getString(5)),
                        Timestamp.from(now), id});
            }
        }, byId.keySet().toArray());
        if (!updates.isEmpty()) {
            // "or": the flag is only ever set, also if someone opts the contact out meanwhile; opted_out_at is left as
            // it is, as when the box is ticked by hand
            jdbc.batchUpdate("update contact set display_name = ?, notes = ?, opted_out = (opted_out or cast(? as boolean)),"
                    + " search_text = ?, sort_name = ?, updated_at = ? where id = ?", updates);
        }
    }
}
