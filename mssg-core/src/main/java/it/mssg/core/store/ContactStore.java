package it.mssg.core.store;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSort;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactSummaryView;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.SortDirection;
import it.mssg.core.api.TagRefView;
import it.mssg.core.domain.ContactText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Contacts with plain SQL: single contacts with their custom fields and tags, lists (search through the
 * in-memory {@link ContactIndex}, bulk tagging). Callers hold the transaction.
 */
@Repository
public class ContactStore {

    private final JdbcTemplate jdbc;
    private final ContactIndex index;

    ContactStore(JdbcTemplate jdbc, ContactIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    // ---- queries

    /** The SQL condition and arguments for a filter, on alias {@code c}. */
    record Where(String sql, List<Object> args) {
    }

    static Where where(ContactFilter filter) {
        StringBuilder sql = new StringBuilder(" where 1=1");
        List<Object> args = new ArrayList<>();
        String fragment = ContactText.queryFragment(filter.text());
        if (fragment != null && !fragment.isEmpty() && ContactText.anchored(filter.text())) {
            // as the index does: at the start of the text or of one of its words
            sql.append(" and (c.search_text like ? escape '!' or c.search_text like ? escape '!')");
            args.add(Sql.likeStartsWith(fragment));
            args.add("% " + Sql.likeStartsWith(fragment));
        } else if (fragment != null && !fragment.isEmpty()) {
            sql.append(" and c.search_text like ? escape '!'");
            args.add(Sql.likeContains(fragment));
        }
        for (Long tagId : filter.tagIds()) {
            sql.append(" and exists (select 1 from contact_tag ct where ct.contact_id = c.id and ct.tag_id = ?)");
            args.add(tagId);
        }
        return new Where(sql.toString(), args);
    }

    /** Filtered and ordered by the in-memory {@link ContactIndex}; the page's rows come fresh from the database. */
    public PageView<ContactSummaryView> search(ContactSearch search) {
        ContactIndex.Hits hits = index.search(search.filter(), search.sort(), search.paging());
        if (hits.ids().isEmpty()) {
            return PageView.of(List.of(), search.paging(), hits.total());
        }
        record Row(long id, String displayName, String pushName, String phone, String waId, boolean business,
                   boolean optedOut, ContactSource source, Instant updatedAt) {
        }
        Map<Long, Row> rows = new HashMap<>();
        jdbc.query("select c.id, c.display_name, c.push_name, c.phone_e164, c.wa_id, c.business,"
                        + " c.opted_out, c.source, c.updated_at from contact c where c.id in (" + Sql.marks(hits.ids().size()) + ")",
                rs -> {
                    rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), ContactSource.valueOf(rs.getString(8)),
                            Sql.instant(rs, "updated_at")));
                }, hits.ids().toArray());
        Map<Long, List<TagRefView>> tagsById = tagsOf(hits.ids());
        List<ContactSummaryView> items = hits.ids().stream().map(rows::get).filter(java.util.Objects::nonNull)
                .map(r -> new ContactSummaryView(r.id(), r.displayName(), r.pushName(), r.phone(), r.waId(), r.business(),
                        r.optedOut(), r.source(), tagsById.getOrDefault(r.id(), List.of()), r.updatedAt())).toList();
        return PageView.of(items, search.paging(), hits.total());
    }

    /** Tags of the given contacts, each list by name. */
    Map<Long, List<TagRefView>> tagsOf(List<Long> contactIds) {
        Map<Long, List<TagRefView>> out = new HashMap<>();
        for (List<Long> chunk : Sql.chunks(contactIds, Sql.CHUNK)) {
            jdbc.query("select ct.contact_id, t.id, t.name, t.color from contact_tag ct join tag t on t.id = ct.tag_id"
                            + " where ct.contact_id in (" + Sql.marks(chunk.size()) + ") order by t.name_key",
                    rs -> {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new TagRefView(rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }, chunk.toArray());
        }
        return out;
    }

    /** A contact's own columns; its fields, tags and chat are read next to them. */
    private record Row(long id, String waId, String phoneE164, String displayName, String pushName, boolean business,
                       String notes, boolean optedOut, ContactSource source, Instant createdAt, Instant updatedAt) {
    }

    private static final String ROW_COLS = "select id, wa_id, phone_e164, display_name, push_name, business, notes,"
            + " opted_out, source, created_at, updated_at from contact";

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong("id"), rs.getString("wa_id"),
            rs.getString("phone_e164"), rs.getString("display_name"), rs.getString("push_name"), rs.getBoolean("business"),
            rs.getString("notes"), rs.getBoolean("opted_out"), ContactSource.valueOf(rs.getString("source")),
            Times.read(rs, "created_at"), Times.read(rs, "updated_at"));

    /** @param column one of the contact's unique columns */
    private Optional<Row> row(String column, Object value) {
        return jdbc.query(ROW_COLS + " where " + column + " = ?", ROW, value).stream().findFirst();
    }

    public ContactView get(long id) {
        return view(row("id", id).orElseThrow(() -> new NotFoundException("contact", id)));
    }

    public Optional<ContactView> findByPhone(String e164) {
        return row("phone_e164", e164).map(this::view);
    }

    public Optional<ContactView> findByWaId(String waId) {
        return row("wa_id", waId).map(this::view);
    }

    /** The contact's columns as given, with its custom fields, tags (by name) and first chat as stored. */
    private ContactView view(Row c) {
        Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        jdbc.query("select field_key, field_value from contact_field where contact_id = ? order by field_key",
                rs -> {
                    fields.put(rs.getString(1), rs.getString(2));
                }, c.id());
        List<TagRefView> tagViews = jdbc.query("select t.id, t.name, t.color from contact_tag ct join tag t on t.id = ct.tag_id"
                        + " where ct.contact_id = ? order by t.name_key",
                (rs, i) -> new TagRefView(rs.getLong(1), rs.getString(2), rs.getString(3)), c.id());
        Long chatId = jdbc.queryForObject("select min(id) from chat where contact_id = ?", Long.class, c.id());
        return new ContactView(c.id(), c.waId(), c.phoneE164(), c.displayName(), c.pushName(), c.business(), c.notes(),
                c.optedOut(), c.source(), new LinkedHashMap<>(fields), tagViews, chatId, c.createdAt(), c.updatedAt());
    }

    // ---- commands

    /** @throws ConflictException the number is taken */
    /** @param optedOut stored as opted out now (as the reply keywords do: the opt-out is dated) */
    public ContactView createManual(String e164, String displayName, String notes, Map<String, String> fields,
                                    Set<Long> tagIds, boolean optedOut, Instant now) {
        if (row("phone_e164", e164).isPresent()) {
            throw new ConflictException("phone", "a contact with the number " + e164 + " exists already");
        }
        requireTags(tagIds);
        String name = emptyToNull(displayName);
        long id = Sql.insertReturningId(jdbc, "insert into contact (wa_id, phone_e164, display_name, push_name, business,"
                        + " notes, opted_out, opted_out_at, source, search_text, sort_name, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                null, e164, name, null, false, emptyToNull(notes), optedOut, optedOut ? Times.db(now) : null,
                ContactSource.MANUAL.name(), ContactText.searchText(name, null, e164, null),
                ContactText.sortName(name, null, e164, null), Times.db(now), Times.db(now));
        writeFields(id, fields);
        writeTags(id, tagIds);
        index.changed(id);
        return view(new Row(id, null, e164, name, null, false, emptyToNull(notes), optedOut, ContactSource.MANUAL, now, now));
    }

    /** Changes what {@code edit} sets; the search and sort texts are computed again and the update time stamped. */
    public ContactView update(long id, ContactEdit edit, Instant now) {
        Row c = row("id", id).orElseThrow(() -> new NotFoundException("contact", id));
        if (edit.tagIds() != null) requireTags(edit.tagIds());
        String displayName = edit.displayName() != null ? emptyToNull(edit.displayName()) : c.displayName();
        String notes = edit.notes() != null ? emptyToNull(edit.notes()) : c.notes();
        boolean optedOut = edit.optedOut() != null ? edit.optedOut() : c.optedOut();
        jdbc.update("update contact set display_name = ?, notes = ?, opted_out = ?, search_text = ?, sort_name = ?,"
                        + " updated_at = ? where id = ?", displayName, notes, optedOut,
                ContactText.searchText(displayName, c.pushName(), c.phoneE164(), c.waId()),
                ContactText.sortName(displayName, c.pushName(), c.phoneE164(), c.waId()), Times.db(now), id);
        if (edit.fields() != null) {
            // keys that differ only in case: the first one stays
            Map<String, String> merged = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            edit.fields().forEach((k, v) -> {
                if (seen.add(k.toLowerCase(Locale.ROOT))) merged.put(k, v);
            });
            jdbc.update("delete from contact_field where contact_id = ?", id);
            writeFields(id, merged);
        }
        if (edit.tagIds() != null) {
            jdbc.update("delete from contact_tag where contact_id = ?", id);
            writeTags(id, edit.tagIds());
        }
        index.changed(id);
        return view(new Row(id, c.waId(), c.phoneE164(), displayName, c.pushName(), c.business(), notes, optedOut,
                c.source(), c.createdAt(), now));
    }

    private void writeFields(long contactId, Map<String, String> fields) {
        if (fields == null) return;
        List<Object[]> rows = new ArrayList<>(fields.size());
        fields.forEach((k, v) -> rows.add(new Object[]{contactId, k, v}));
        Sql.insertRows(jdbc, "insert into contact_field (contact_id, field_key, field_value)", 3, rows);
    }

    private void writeTags(long contactId, Set<Long> tagIds) {
        if (tagIds == null) return;
        List<Object[]> rows = new ArrayList<>(tagIds.size());
        tagIds.forEach(t -> rows.add(new Object[]{contactId, t}));
        Sql.insertRows(jdbc, "insert into contact_tag (contact_id, tag_id)", 2, rows);
    }

    /** The contact's fields, tags and reminders go with it (the schema cascades); its chats stay, without it. */
    public void delete(long id) {
        if (jdbc.update("delete from contact where id = ?", id) == 0) {
            throw new NotFoundException("contact", id);
        }
        index.changed(id);
    }

    /** @throws NotFoundException one of the tags does not exist */
    private void requireTags(Set<Long> ids) {
        if (ids == null || ids.isEmpty()) return;
        Set<Long> missing = new HashSet<>(ids);
        // in chunks: the ids come from a request, and PostgreSQL's driver refuses a statement of over 65,535 parameters
        for (List<Long> chunk : Sql.chunks(ids, Sql.CHUNK)) {
            jdbc.queryForList("select id from tag where id in (" + Sql.marks(chunk.size()) + ")", Long.class, chunk.toArray())
                    .forEach(missing::remove);
        }
        if (!missing.isEmpty()) throw new NotFoundException("tag", missing.iterator().next());
    }

    /**
     * Tags the contacts; those that gain the tag count as changed ({@code updated_at}), as when tagged one by one (an
     * import's undo keeps them, the list sorted by "updated" shows them).
     *
     * @return how many contacts gained the tag
     */
    public int tag(Set<Long> contactIds, long tagId, Instant now) {
        requireTag(tagId);
        index.changed(contactIds);
        int n = 0;
        for (List<Long> chunk : Sql.chunks(contactIds, Sql.CHUNK)) {
            jdbc.update("update contact set updated_at = ? where id in (" + Sql.marks(chunk.size()) + ") and not exists"
                    + " (select 1 from contact_tag x where x.contact_id = contact.id and x.tag_id = ?)",
                    args(Times.db(now), chunk, tagId));
            n += jdbc.update("insert into contact_tag (contact_id, tag_id) select c.id, ? from contact c where c.id in ("
                    + Sql.marks(chunk.size()) + ") and not exists (select 1 from contact_tag x where x.contact_id = c.id"
                    + " and x.tag_id = ?)", args(tagId, chunk, tagId));
        }
        return n;
    }

    /** @return how many contacts lost the tag (they count as changed, see {@link #tag}) */
    public int untag(Set<Long> contactIds, long tagId, Instant now) {
        requireTag(tagId);
        index.changed(contactIds);
        int n = 0;
        for (List<Long> chunk : Sql.chunks(contactIds, Sql.CHUNK)) {
            jdbc.update("update contact set updated_at = ? where id in (" + Sql.marks(chunk.size()) + ") and exists"
                    + " (select 1 from contact_tag x where x.contact_id = contact.id and x.tag_id = ?)",
                    args(Times.db(now), chunk, tagId));
            List<Object> args = new ArrayList<>();
            args.add(tagId);
            args.addAll(chunk);
            n += jdbc.update("delete from contact_tag where tag_id = ? and contact_id in (" + Sql.marks(chunk.size()) + ")",
                    args.toArray());
        }
        return n;
    }

    /** {@code first}, the ids, {@code last}: the arguments of "… ? … id in (…) and … = ?" */
    private static Object[] args(Object first, List<Long> ids, Object last) {
        List<Object> args = new ArrayList<>(ids.size() + 2);
        args.add(first);
        args.addAll(ids);
        args.add(last);
        return args.toArray();
    }

    private void requireTag(long tagId) {
        if (jdbc.queryForList("select id from tag where id = ?", Long.class, tagId).isEmpty()) {
            throw new NotFoundException("tag", tagId);
        }
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from contact", Long.class);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
