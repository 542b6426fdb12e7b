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
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Contacts: JPA for single contacts, plain SQL for lists (search, bulk tagging), so a list never loads
 * entities. Callers hold the transaction.
 */
@Repository
public class ContactStore {

    private final ContactRepository contacts;
    private final TagRepository tags;
    private final ChatRepository chats;
    private final JdbcTemplate jdbc;
    private final ContactIndex index;

    ContactStore(ContactRepository contacts, TagRepository tags, ChatRepository chats, JdbcTemplate jdbc, ContactIndex index) {
        this.contacts = contacts;
        this.tags = tags;
        this.chats = chats;
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
        if (fragment != null && !fragment.isEmpty()) {
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

    public ContactView get(long id) {
        return view(contacts.findById(id).orElseThrow(() -> new NotFoundException("contact", id)));
    }

    public Optional<ContactView> findByPhone(String e164) {
        return contacts.findByPhoneE164(e164).map(this::view);
    }

    public Optional<ContactView> findByWaId(String waId) {
        return contacts.findByWaId(waId).map(this::view);
    }

    ContactView view(ContactEntity c) {
        Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.putAll(c.fields);
        List<TagRefView> tagViews = c.tags.stream()
                .sorted(Comparator.comparing(t -> t.nameKey))
                .map(t -> new TagRefView(t.id, t.name, t.color)).toList();
        Long chatId = chats.findFirstByContactIdOrderByIdAsc(c.id).map(ch -> ch.id).orElse(null);
        return new ContactView(c.id, c.waId, c.phoneE164, c.displayName, c.pushName, c.business, c.notes, c.optedOut,
                c.source, new LinkedHashMap<>(fields), tagViews, chatId, c.createdAt, c.updatedAt);
    }

    // ---- commands

    /** @throws ConflictException the number is taken */
    public ContactView createManual(String e164, String displayName, String notes, Map<String, String> fields,
                                    Set<Long> tagIds, Instant now) {
        if (contacts.findByPhoneE164(e164).isPresent()) {
            throw new ConflictException("phone", "a contact with the number " + e164 + " exists already");
        }
        ContactEntity c = new ContactEntity(ContactSource.MANUAL, now);
        c.phoneE164 = e164;
        c.displayName = emptyToNull(displayName);
        c.notes = emptyToNull(notes);
        c.fields.putAll(fields);
        c.tags.addAll(loadTags(tagIds));
        c.touch(now);
        ContactEntity saved = contacts.saveAndFlush(c);
        index.changed(saved.id);
        return view(saved);
    }

    public ContactView update(long id, ContactEdit edit, Instant now) {
        ContactEntity c = contacts.findById(id).orElseThrow(() -> new NotFoundException("contact", id));
        if (edit.displayName() != null) c.displayName = emptyToNull(edit.displayName());
        if (edit.notes() != null) c.notes = emptyToNull(edit.notes());
        if (edit.fields() != null) {
            Map<String, String> merged = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            edit.fields().forEach((k, v) -> {
                if (seen.add(k.toLowerCase(Locale.ROOT))) merged.put(k, v);
            });
            c.fields.clear();
            c.fields.putAll(merged);
        }
        if (edit.tagIds() != null) {
            List<TagEntity> wanted = loadTags(edit.tagIds());
            c.tags.clear();
            c.tags.addAll(wanted);
        }
        if (edit.optedOut() != null) c.optedOut = edit.optedOut();
        c.touch(now);
        index.changed(id);
        return view(contacts.saveAndFlush(c));
    }

    public void delete(long id) {
        ContactEntity c = contacts.findById(id).orElseThrow(() -> new NotFoundException("contact", id));
        contacts.delete(c);
        contacts.flush();
        index.changed(id);
    }

    private List<TagEntity> loadTags(Set<Long> ids) {
        if (ids == null || ids.isEmpty()) return List.of();
        List<TagEntity> found = tags.findAllById(ids);
        if (found.size() != ids.size()) {
            Set<Long> missing = new HashSet<>(ids);
            found.forEach(t -> missing.remove(t.id));
            throw new NotFoundException("tag", missing.iterator().next());
        }
        return found;
    }

    /** @return how many contacts gained the tag */
    public int tag(Set<Long> contactIds, long tagId) {
        requireTag(tagId);
        index.changed(contactIds);
        int n = 0;
        for (List<Long> chunk : Sql.chunks(contactIds, Sql.CHUNK)) {
            List<Object> args = new ArrayList<>();
            args.add(tagId);
            args.addAll(chunk);
            args.add(tagId);
            n += jdbc.update("insert into contact_tag (contact_id, tag_id) select c.id, ? from contact c where c.id in ("
                    + Sql.marks(chunk.size()) + ") and not exists (select 1 from contact_tag x where x.contact_id = c.id"
                    + " and x.tag_id = ?)", args.toArray());
        }
        return n;
    }

    /** @return how many contacts lost the tag */
    public int untag(Set<Long> contactIds, long tagId) {
        requireTag(tagId);
        index.changed(contactIds);
        int n = 0;
        for (List<Long> chunk : Sql.chunks(contactIds, Sql.CHUNK)) {
            List<Object> args = new ArrayList<>();
            args.add(tagId);
            args.addAll(chunk);
            n += jdbc.update("delete from contact_tag where tag_id = ? and contact_id in (" + Sql.marks(chunk.size()) + ")",
                    args.toArray());
        }
        return n;
    }

    private void requireTag(long tagId) {
        if (!tags.existsById(tagId)) throw new NotFoundException("tag", tagId);
    }

    public long count() {
        return contacts.count();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
