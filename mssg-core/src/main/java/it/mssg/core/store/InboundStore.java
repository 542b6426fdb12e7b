package it.mssg.core.store;

import it.mssg.core.api.ContactSource;
import it.mssg.core.api.MessageAckChanged;
import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageReceived;
import it.mssg.core.api.MessageStatus;
import it.mssg.core.api.TagRules;
import it.mssg.core.api.WaAck;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaLabel;
import it.mssg.core.api.WaMessage;
import it.mssg.core.domain.ContactText;
import it.mssg.core.domain.MessageStatuses;
import it.mssg.core.domain.PhoneNumbers;
import it.mssg.core.domain.TagPalette;
import it.mssg.core.domain.WaIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static it.mssg.core.store.Times.db;

/**
 * Applies what WhatsApp reports, idempotently by WhatsApp ids: a value is written only when it differs,
 * so the same report twice changes nothing and reports no change. Contacts from WhatsApp merge with
 * CSV/manual contacts by phone number. Callers hold the transaction and publish the returned events.
 */
@Repository
public class InboundStore {

    private static final int MAX_BODY = 65_536;

    private final ContactIndex index;
    private final JdbcTemplate jdbc;
    /** inserts-if-absent are written per database */
    private final DatabaseKind database;

    InboundStore(ContactIndex index, JdbcTemplate jdbc, DatabaseKind database) {
        this.index = index;
        this.jdbc = jdbc;
        this.database = database;
    }

    public record ContactChanges(int added, int updated) {
    }

    // ---- rows as a sync reads and changes them; every change is written by an explicit statement

    /** A tag's row. */
    private record Tag(long id, String name, String color, String waLabelId) {
    }

    private Optional<Tag> tag(String column, String value) {
        return jdbc.query("select id, name, color, wa_label_id from tag where " + column + " = ?",
                (rs, n) -> new Tag(rs.getLong("id"), rs.getString("name"), rs.getString("color"), rs.getString("wa_label_id")),
                value).stream().findFirst();
    }

    /** A contact's row; {@code id} is null until it is inserted. */
    private static final class Contact {
        Long id;
        String waId;
        String phoneE164;
        String displayName;
        String pushName;
        boolean business;
        boolean optedOut;
        ContactSource source;
        Instant createdAt;
        /** its tags' ids; null until read (only labels need them) */
        Set<Long> tagIds;
    }

    private static final String CONTACT_COLS = "select id, wa_id, phone_e164, display_name, push_name, business, opted_out,"
            + " source, created_at from contact";

    private static final RowMapper<Contact> CONTACT = (rs, n) -> {
        Contact c = new Contact();
        c.id = rs.getLong("id");
        c.waId = rs.getString("wa_id");
        c.phoneE164 = rs.getString("phone_e164");
        c.displayName = rs.getString("display_name");
        c.pushName = rs.getString("push_name");
        c.business = rs.getBoolean("business");
        c.optedOut = rs.getBoolean("opted_out");
        c.source = ContactSource.valueOf(rs.getString("source"));
        c.createdAt = Times.read(rs, "created_at");
        return c;
    };

    /** @param column one of the contact's unique columns */
    private Optional<Contact> contact(String column, Object value) {
        return jdbc.query(CONTACT_COLS + " where " + column + " = ?", CONTACT, value).stream().findFirst();
    }

    private static final String CONTACT_UPDATE = "update contact set wa_id = ?, display_name = ?, push_name = ?, business = ?,"
            + " search_text = ?, sort_name = ?, updated_at = ? where id = ?";

    /**
     * The values {@link #CONTACT_UPDATE} writes for a changed contact: what a sync may change, the search and sort
     * texts computed again, the update time.
     */
    private static Object[] updateArgs(Contact c, Instant now) {
        return new Object[]{c.waId, c.displayName, c.pushName, c.business,
                ContactText.searchText(c.displayName, c.pushName, c.phoneE164, c.waId),
                ContactText.sortName(c.displayName, c.pushName, c.phoneE164, c.waId), db(now), c.id};
    }

    private void update(Contact c, Instant now) {
        jdbc.update(CONTACT_UPDATE, updateArgs(c, now));
        index.changed(c.id);
    }

    private Set<Long> tagIdsOf(long contactId) {
        return new java.util.HashSet<>(jdbc.queryForList("select tag_id from contact_tag where contact_id = ?", Long.class,
                contactId));
    }

    /** Links contacts to tags ({@code [contactId, tagId]} pairs), leaving out a link another sync has just made. */
    private void link(List<Object[]> links) {
        Sql.insertRowsIfAbsent(jdbc, database.postgres(), "insert into contact_tag (contact_id, tag_id)", 2, links);
    }

    /** A chat's row; {@code id} is null until it is inserted. */
    private static final class Chat {
        Long id;
        String waId;
        boolean group;
        String name;
        int unreadCount;
        Instant lastActivity;
        Long contactId;
        Instant createdAt;
    }

    private static final RowMapper<Chat> CHAT = (rs, n) -> {
        Chat ch = new Chat();
        ch.id = rs.getLong("id");
        ch.waId = rs.getString("wa_id");
        ch.group = rs.getBoolean("is_group");
        ch.name = rs.getString("name");
        ch.unreadCount = rs.getInt("unread_count");
        ch.lastActivity = Times.read(rs, "last_activity");
        ch.contactId = Times.longOrNull(rs, "contact_id");
        ch.createdAt = Times.read(rs, "created_at");
        return ch;
    };

    private static final String CHAT_COLS = "select id, wa_id, is_group, name, unread_count, last_activity, contact_id,"
            + " created_at from chat";

    /** Writes what a sync or a message may change in a stored chat, and the update time. */
    private void update(Chat ch, Instant now) {
        jdbc.update("update chat set name = ?, unread_count = ?, last_activity = ?, contact_id = ?, updated_at = ? where id = ?",
                ch.name, ch.unreadCount, db(ch.lastActivity), ch.contactId, db(now), ch.id);
    }

    /** A message's row; {@code id} is null until it is inserted. */
    private static final class Message {
        Long id;
        String waMessageId;
        long chatId;
        MessageDirection direction;
        String authorWaId;
        String body;
        String type;
        Instant sentAt;
        MessageStatus status;
        Instant createdAt;

        Message(String waMessageId, long chatId, Instant now) {
            this.waMessageId = waMessageId;
            this.chatId = chatId;
            this.createdAt = now;
        }
    }

    /** The stored messages with these WhatsApp ids: id, chat and status. */
    private List<Message> messages(List<String> waMessageIds) {
        return jdbc.query("select id, wa_message_id, chat_id, status from message where wa_message_id in ("
                + Sql.marks(waMessageIds.size()) + ")", (rs, n) -> {
                    Message m = new Message(rs.getString("wa_message_id"), rs.getLong("chat_id"), null);
                    m.id = rs.getLong("id");
                    m.status = MessageStatus.valueOf(rs.getString("status"));
                    return m;
                }, waMessageIds.toArray());
    }

    // ---- labels

    /** @return how many tags were created or changed */
    public int syncLabels(List<WaLabel> labels, Instant now) {
        int changed = 0;
        for (WaLabel l : labels) {
            if (l == null || l.id() == null || l.name() == null || l.name().isBlank()) continue;
            String name = tagName(l.name());
            String nameKey = name.toLowerCase(Locale.ROOT);
            String color = TagPalette.orDefault(l.hexColor(), name);
            Optional<Tag> linked = tag("wa_label_id", l.id());
            if (linked.isPresent()) {
                Tag t = linked.get();
                boolean nameFree = tag("name_key", nameKey).map(o -> o.id() == t.id()).orElse(true);
                boolean c = false;
                if (!t.name().equals(name) && nameFree) {
                    jdbc.update("update tag set name = ?, name_key = ? where id = ?", name, nameKey, t.id());
                    c = true;
                }
                if (!t.color().equals(color)) {
                    jdbc.update("update tag set color = ? where id = ?", color, t.id());
                    c = true;
                }
                if (c) changed++;
                continue;
            }
            Optional<Tag> sameName = tag("name_key", nameKey);
            if (sameName.isPresent()) {
                if (sameName.get().waLabelId() == null) {
                    jdbc.update("update tag set wa_label_id = ? where id = ?", l.id(), sameName.get().id());
                    changed++;
                }
                continue;
            }
            jdbc.update("insert into tag (name, name_key, color, wa_label_id, created_at) values (?, ?, ?, ?, ?)",
                    name, nameKey, color, l.id(), db(now));
            changed++;
        }
        return changed;
    }

    private static String tagName(String raw) {
        String s = raw.strip().replaceAll("\\s+", " ").codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (s.length() > TagRules.MAX_NAME) s = s.substring(0, TagRules.MAX_NAME).strip();
        return TagRules.name(s.isEmpty() ? "label" : s);
    }

    // ---- contacts

    public ContactChanges syncContacts(List<WaContact> list, Instant now) {
        List<WaContact> usable = list.stream().filter(c -> c != null && WaIds.isPerson(c.waId())).toList();
        Index byIds = index(usable.stream().map(WaContact::waId).toList());
        Map<String, Long> labelTags = labelTags(usable.stream().flatMap(c -> c.labelIds().stream()).toList());
        if (!labelTags.isEmpty()) byIds.readTags();
        int added = 0, updated = 0;
        List<Long> touched = new ArrayList<>();
        List<Contact> fresh = new ArrayList<>();
        Map<Long, Contact> changedContacts = new LinkedHashMap<>();
        List<Object[]> newLinks = new ArrayList<>();
        for (WaContact wc : usable) {
            Contact c = byIds.find(wc.waId());
            boolean created = false;
            if (c == null) {
                c = newContact(wc.waId(), byIds.phoneOf(wc.waId()), now);
                created = true;
            }
            boolean changed = false;
            if (c.waId == null) {
                c.waId = wc.waId(); // a CSV/manual contact seen on WhatsApp for the first time
                changed = true;
            }
            String push = ContactText.name(wc.pushName());
            if (push != null && !push.equals(c.pushName)) {
                c.pushName = push;
                changed = true;
            }
            String name = ContactText.name(wc.name());
            if (name != null && c.displayName == null) {
                c.displayName = name; // never overwrite a name the user gave
                changed = true;
            }
            if (wc.business() != c.business) {
                c.business = wc.business();
                changed = true;
            }
            for (String labelId : wc.labelIds()) {
                Long t = labelTags.get(labelId);
                if (t != null && c.tagIds.add(t)) {
                    changed = true;
                    if (c.id != null) newLinks.add(new Object[]{c.id, t}); // a new contact's links go in with it
                }
            }
            if (created) {
                fresh.add(c);
                byIds.put(c);
                added++;
            } else if (changed && c.id != null) {
                changedContacts.put(c.id, c);
                updated++;
                touched.add(c.id);
            } // else: new earlier in this page and written with it below
        }
        jdbc.batchUpdate(CONTACT_UPDATE, changedContacts.values().stream().map(c -> updateArgs(c, now)).toList());
        link(newLinks);
        NewContacts written = insertContacts(fresh, now);
        touched.addAll(written.ids());
        index.changed(touched);
        // a contact another transaction created at the same moment is not counted as added here
        return new ContactChanges(added - (fresh.size() - written.inserted()), updated);
    }

    /** The ids of a page's new contacts, and how many of them this page inserted (not another transaction). */
    private record NewContacts(List<Long> ids, int inserted) {
    }

    /**
     * Writes the contacts new in a page with multi-row inserts (an insert per row would be a statement and a
     * generated key each), then their label links. Both are inserts-if-absent: a sync of the same new contact at
     * the same moment (another page, a chat or a message that creates it) leaves one row and no error, and the
     * contact it created gets this page's labels.
     */
    private NewContacts insertContacts(List<Contact> fresh, Instant now) {
        if (fresh.isEmpty()) return new NewContacts(List.of(), 0);
        List<Object[]> rows = new ArrayList<>(fresh.size());
        for (Contact c : fresh) {
            rows.add(new Object[]{c.waId, c.phoneE164, c.displayName, c.pushName, c.business, c.optedOut, c.source.name(),
                    ContactText.searchText(c.displayName, c.pushName, c.phoneE164, c.waId),
                    ContactText.sortName(c.displayName, c.pushName, c.phoneE164, c.waId), db(c.createdAt), db(now)});
        }
        int inserted = Sql.insertRowsIfAbsent(jdbc, database.postgres(), "insert into contact (wa_id, phone_e164,"
                + " display_name, push_name, business, opted_out, source, search_text, sort_name, created_at, updated_at)", 11, rows);
        Map<String, Long> ids = new HashMap<>();
        for (List<Contact> chunk : Sql.chunks(fresh, Sql.CHUNK)) {
            jdbc.query("select id, wa_id from contact where wa_id in (" + Sql.marks(chunk.size()) + ")",
                    rs -> {
                        ids.put(rs.getString("wa_id"), rs.getLong("id"));
                    }, chunk.stream().map(c -> c.waId).toArray());
        }
        List<Object[]> links = new ArrayList<>();
        List<Long> out = new ArrayList<>(fresh.size());
        for (Contact c : fresh) {
            Long id = ids.get(c.waId);
            if (id == null) {
                // not inserted and not found by its WhatsApp id: its number was taken at the same moment by a
                // contact without one (a CSV or manual contact), which it joins, as a later sync would
                id = contactFor(c.waId, c.pushName, now).id;
            }
            out.add(id);
            for (Long t : c.tagIds) links.add(new Object[]{id, t});
        }
        link(links);
        return new NewContacts(out, inserted);
    }

    private static Contact newContact(String waId, String phone, Instant now) {
        Contact c = new Contact();
        c.source = ContactSource.WHATSAPP;
        c.createdAt = now;
        c.waId = waId;
        c.phoneE164 = phone;
        c.tagIds = new java.util.HashSet<>();
        return c;
    }

    /** The ids of the tags that mirror these WhatsApp labels, by label id. */
    private Map<String, Long> labelTags(List<String> labelIds) {
        Map<String, Long> out = new HashMap<>();
        if (labelIds.isEmpty()) return out;
        for (List<String> chunk : Sql.chunks(new LinkedHashSet<>(labelIds), Sql.CHUNK)) {
            jdbc.query("select id, wa_label_id from tag where wa_label_id in (" + Sql.marks(chunk.size()) + ")",
                    rs -> {
                        out.put(rs.getString("wa_label_id"), rs.getLong("id"));
                    }, chunk.toArray());
        }
        return out;
    }

    /** Contacts loaded by WhatsApp id and by the phone those ids carry, for one batch: one object per row. */
    private final class Index {
        final Map<Long, Contact> byId = new LinkedHashMap<>();
        final Map<String, Contact> byWaId = new HashMap<>();
        final Map<String, Contact> byPhone = new HashMap<>();
        final Map<String, String> phones = new HashMap<>();

        Contact find(String waId) {
            Contact c = byWaId.get(waId);
            if (c != null) return c;
            String phone = phoneOf(waId);
            return phone == null ? null : byPhone.get(phone);
        }

        String phoneOf(String waId) {
            return phones.computeIfAbsent(waId, InboundStore::phoneFor);
        }

        void put(Contact c) {
            if (c.id != null) {
                Contact same = byId.putIfAbsent(c.id, c);
                if (same != null) c = same; // read twice (by WhatsApp id and by number): the first object stays
            }
            if (c.waId != null) byWaId.put(c.waId, c);
            if (c.phoneE164 != null) byPhone.putIfAbsent(c.phoneE164, c);
        }

        /** Reads the tags of the stored contacts loaded so far. */
        void readTags() {
            byId.values().forEach(c -> c.tagIds = new java.util.HashSet<>());
            for (List<Long> chunk : Sql.chunks(byId.keySet(), Sql.CHUNK)) {
                jdbc.query("select contact_id, tag_id from contact_tag where contact_id in (" + Sql.marks(chunk.size()) + ")",
                        rs -> {
                            byId.get(rs.getLong(1)).tagIds.add(rs.getLong(2));
                        }, chunk.toArray());
            }
        }
    }

    private Index index(List<String> waIds) {
        Index index = new Index();
        Set<String> ids = new LinkedHashSet<>(waIds);
        Set<String> phones = new LinkedHashSet<>();
        ids.forEach(id -> {
            String p = index.phoneOf(id);
            if (p != null) phones.add(p);
        });
        for (List<String> chunk : Sql.chunks(ids, Sql.CHUNK)) {
            jdbc.query(CONTACT_COLS + " where wa_id in (" + Sql.marks(chunk.size()) + ")", CONTACT, chunk.toArray())
                    .forEach(index::put);
        }
        for (List<String> chunk : Sql.chunks(phones, Sql.CHUNK)) {
            jdbc.query(CONTACT_COLS + " where phone_e164 in (" + Sql.marks(chunk.size()) + ")", CONTACT, chunk.toArray())
                    .forEach(index::put);
        }
        return index;
    }

    /** The E.164 number a {@code @c.us} id stands for (canonical when libphonenumber knows it), else null. */
    static String phoneFor(String waId) {
        return WaIds.phoneOf(waId).map(p -> {
            PhoneNumbers.Result r = PhoneNumbers.normalise(p, null);
            return r instanceof PhoneNumbers.Valid v ? v.e164() : p;
        }).orElse(null);
    }

    // ---- chats

    /** @return how many chats were created or changed */
    public int syncChats(List<WaChat> list, Instant now) {
        List<WaChat> usable = list.stream().filter(c -> c != null && !WaIds.isIgnored(c.waId())).toList();
        Map<String, Chat> byWaId = new HashMap<>();
        for (List<String> chunk : Sql.chunks(usable.stream().map(WaChat::waId).distinct().toList(), Sql.CHUNK)) {
            jdbc.query(CHAT_COLS + " where wa_id in (" + Sql.marks(chunk.size()) + ")", CHAT, chunk.toArray())
                    .forEach(ch -> byWaId.put(ch.waId, ch));
        }
        Map<String, Long> labelTags = labelTags(usable.stream().flatMap(c -> c.labelIds().stream()).toList());
        Index people = index(usable.stream().filter(c -> !c.group() && !WaIds.isGroup(c.waId())).map(WaChat::waId).toList());
        List<Chat> fresh = new ArrayList<>();
        Map<Long, Chat> changedChats = new LinkedHashMap<>();
        int changed = 0;
        for (WaChat wc : usable) {
            Chat ch = byWaId.get(wc.waId());
            boolean created = ch == null;
            boolean c = false;
            if (created) {
                ch = new Chat();
                ch.waId = wc.waId();
                ch.group = wc.group() || WaIds.isGroup(wc.waId());
                ch.createdAt = now;
            }
            String name = ContactText.name(wc.name());
            if (name != null && !name.equals(ch.name)) {
                ch.name = name;
                c = true;
            }
            int unread = Math.max(0, wc.unreadCount());
            if (unread != ch.unreadCount) {
                ch.unreadCount = unread;
                c = true;
            }
            if (wc.lastActivity() != null && (ch.lastActivity == null || wc.lastActivity().isAfter(ch.lastActivity))) {
                ch.lastActivity = wc.lastActivity();
                c = true;
            }
            if (!ch.group && ch.contactId == null) {
                ch.contactId = chatContact(wc.waId(), people, now).id;
                c = true;
            }
            if (!ch.group && !wc.labelIds().isEmpty()) {
                tagChatContact(ch.contactId, wc.labelIds(), labelTags, now);
            }
            if (created) {
                fresh.add(ch);
                byWaId.put(ch.waId, ch);
                changed++;
            } else if (c && ch.id != null) {
                changedChats.put(ch.id, ch);
                changed++;
            } // else: new earlier in this page and written with it below
        }
        changedChats.values().forEach(ch -> update(ch, now));
        insertChats(fresh, now);
        return changed;
    }

    /** Gives a person's chat's contact the tags of the chat's labels it does not carry yet. */
    private void tagChatContact(long contactId, List<String> labelIds, Map<String, Long> labelTags, Instant now) {
        Optional<Contact> contact = contact("id", contactId);
        if (contact.isEmpty()) return;
        Set<Long> carried = tagIdsOf(contactId);
        List<Object[]> links = new ArrayList<>();
        for (String labelId : labelIds) {
            Long t = labelTags.get(labelId);
            if (t != null && carried.add(t)) links.add(new Object[]{contactId, t});
        }
        if (!links.isEmpty()) {
            link(links);
            update(contact.get(), now);
        }
    }

    /** The chats new in a page, in multi-row inserts (an insert per chat would be a statement and a generated key each). */
    private void insertChats(List<Chat> fresh, Instant now) {
        List<Object[]> rows = new ArrayList<>(fresh.size());
        for (Chat ch : fresh) {
            rows.add(new Object[]{ch.waId, ch.group, ch.name, ch.unreadCount, db(ch.lastActivity), ch.contactId,
                    db(ch.createdAt), db(now)});
        }
        // if absent: the send loop or a message may create the same chat at the same moment (see createChat)
        Sql.insertRowsIfAbsent(jdbc, database.postgres(), "insert into chat (wa_id, is_group, name, unread_count,"
                + " last_activity, contact_id, created_at, updated_at)", 8, rows);
    }

    /** The contact for a person's chat: one of the page's contacts loaded up front, else {@link #contactFor}. */
    private Contact chatContact(String waId, Index people, Instant now) {
        Contact known = people.find(waId);
        if (known == null) {
            known = contactFor(waId, null, now);
            people.put(known);
        } else if (known.waId == null) {
            known.waId = waId; // a CSV/manual contact seen on WhatsApp for the first time
            update(known, now);
        }
        return known;
    }

    /** The contact for a person's WhatsApp id, created (source WHATSAPP) when unknown. */
    private Contact contactFor(String waId, String pushName, Instant now) {
        String phone = phoneFor(waId);
        Optional<Contact> known = knownContact(waId, phone, now);
        if (known.isPresent()) return known.get();
        Contact c = newContact(waId, phone, now);
        c.pushName = ContactText.name(pushName);
        // an insert-if-absent: another transaction may create the same contact at the same moment (a contact sync,
        // a chat, a message from the same new person); then its row is the one
        Long id = Sql.insertIfAbsentReturningId(jdbc, database.postgres(), "insert into contact (wa_id, phone_e164,"
                        + " display_name, push_name, business, opted_out, source, search_text, sort_name, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.waId, c.phoneE164, c.displayName, c.pushName,
                c.business, c.optedOut, c.source.name(), ContactText.searchText(c.displayName, c.pushName, c.phoneE164, c.waId),
                ContactText.sortName(c.displayName, c.pushName, c.phoneE164, c.waId), db(c.createdAt), db(now));
        if (id == null) {
            // the other transaction has committed it: found now by the WhatsApp id or the number it took
            return knownContact(waId, phone, now).orElseThrow();
        }
        c.id = id;
        index.changed(id);
        return c;
    }

    /** The contact with this WhatsApp id, else the one with its number (which takes the id when it has none). */
    private Optional<Contact> knownContact(String waId, String phone, Instant now) {
        Optional<Contact> byWa = contact("wa_id", waId);
        if (byWa.isPresent() || phone == null) return byWa;
        return contact("phone_e164", phone).map(c -> {
            if (c.waId == null) {
                c.waId = waId;
                update(c, now);
            }
            return c;
        });
    }

    /** The chat with {@code waId}, created when unknown. */
    private Chat chatFor(String waId, Instant now) {
        return chat(waId).orElseGet(() -> {
            createChat(waId, now);
            return chat(waId).orElseThrow();
        });
    }

    private Optional<Chat> chat(String waId) {
        return jdbc.query(CHAT_COLS + " where wa_id = ?", CHAT, waId).stream().findFirst();
    }

    /**
     * Creates the chat with {@code waId} (and its contact when unknown), with an insert-if-absent: the send loop
     * storing a message it just sent and the bridge storing WhatsApp's echo of it may both create it at the same moment.
     *
     * @return the new chat's row, or null when another transaction created it first (read it then)
     */
    private ChatRow createChat(String waId, Instant now) {
        boolean group = WaIds.isGroup(waId);
        Long contactId = null;
        if (!group) {
            // usually known by its WhatsApp id (always for a recipient of the send loop): its id is all a chat needs
            List<Long> known = jdbc.queryForList("select id from contact where wa_id = ?", Long.class, waId);
            contactId = known.isEmpty() ? contactFor(waId, null, now).id : known.get(0);
        }
        Long id = Sql.insertIfAbsentReturningId(jdbc, database.postgres(), "insert into chat (wa_id, is_group, unread_count,"
                + " contact_id, created_at, updated_at) values (?, ?, 0, ?, ?, ?)", waId, group, contactId, db(now), db(now));
        return id == null ? null : new ChatRow(id, group, contactId);
    }

    // ---- messages

    /**
     * What storing a batch of messages produced: first-time live messages, how many first-time history messages
     * (older than the live window) in how many chats, and forward status moves of messages stored before.
     */
    public record MessageChanges(List<MessageReceived> received, int historyAdded, int historyChats,
                                 List<MessageAckChanged> acks) {
    }

    /**
     * @param liveWindow a new message sent less than this long ago counts as live (it arrived now rather
     *                   than through a history sync) and raises its chat's unread count when inbound.
     *                   Older ones (a history page: up to a thousand at a time) are written with multi-row inserts
     *                   and get no id back, because nothing is published per history message; an insert per row
     *                   would be a statement and a generated key each.
     */
    public MessageChanges storeMessages(List<WaMessage> list, Instant now, Duration liveWindow) {
        List<WaMessage> usable = list.stream().filter(m -> m != null && m.waMessageId() != null && !m.waMessageId().isBlank()
                && !WaIds.isIgnored(m.chatWaId())).toList();
        Map<String, Message> known = new HashMap<>();
        for (List<String> chunk : Sql.chunks(usable.stream().map(WaMessage::waMessageId).distinct().toList(), Sql.CHUNK)) {
            messages(chunk).forEach(m -> known.put(m.waMessageId, m));
        }
        Map<String, Chat> chatCache = new HashMap<>();
        Set<Chat> changedChats = new LinkedHashSet<>(); // written once each, after the messages
        List<MessageReceived> received = new ArrayList<>();
        List<MessageAckChanged> acks = new ArrayList<>();
        List<Message> history = new ArrayList<>();
        Set<Long> historyChats = new LinkedHashSet<>();
        for (WaMessage wm : usable) {
            MessageStatus incoming = MessageStatus.fromAck(wm.ack());
            Message m = known.get(wm.waMessageId());
            if (m != null && m.id == null) {
                // the same history message twice in one page: one row, with the furthest status
                Message pending = m;
                MessageStatuses.advance(pending.status, incoming).ifPresent(s -> pending.status = s);
                continue;
            }
            if (m != null) {
                advance(m, incoming, acks);
                continue;
            }
            Chat chat = chatCache.computeIfAbsent(wm.chatWaId(), id -> chatFor(id, now));
            m = new Message(wm.waMessageId(), chat.id, now);
            m.direction = wm.fromMe() ? MessageDirection.OUTBOUND : MessageDirection.INBOUND;
            m.authorWaId = chat.group && !wm.fromMe() ? bounded(wm.authorWaId(), 100) : null;
            m.body = bounded(wm.body(), MAX_BODY);
            m.type = wm.type() == null || wm.type().isBlank() ? "chat" : bounded(wm.type(), 40);
            m.sentAt = wm.sentAt() == null ? now : wm.sentAt();
            m.status = incoming;
            boolean live = m.sentAt.isAfter(now.minus(liveWindow));
            known.put(m.waMessageId, m);
            if (live) {
                StoredMessage row = insertIfAbsent(m);
                m.id = row.id();
                if (!row.inserted()) {
                    // stored since `known` was read: by the send loop, which stores a message it just sent while
                    // WhatsApp's echo of it comes in here; it also moved the chat's activity and told the app
                    m.chatId = row.chatId();
                    m.status = row.status();
                    advance(m, incoming, acks);
                    continue;
                }
            } else {
                history.add(m);
                historyChats.add(chat.id);
            }
            if (chat.lastActivity == null || m.sentAt.isAfter(chat.lastActivity)) {
                chat.lastActivity = m.sentAt;
                changedChats.add(chat);
            }
            if (live && m.direction == MessageDirection.INBOUND) {
                chat.unreadCount++;
                changedChats.add(chat);
            }
            if (live) {
                received.add(new MessageReceived(m.id, chat.id, chat.group ? null : chat.contactId, m.direction, true));
            }
        }
        int historyAdded = insertHistory(history);
        changedChats.forEach(ch -> update(ch, now));
        return new MessageChanges(received, historyAdded, historyAdded == 0 ? 0 : historyChats.size(), acks);
    }

    /** Moves a stored message's status forward when {@code incoming} is further. */
    private void advance(Message m, MessageStatus incoming, List<MessageAckChanged> acks) {
        MessageStatuses.advance(m.status, incoming).ifPresent(s -> {
            m.status = s;
            jdbc.update("update message set status = ? where id = ?", s.name(), m.id);
            acks.add(new MessageAckChanged(m.id, m.chatId, s));
        });
    }

    /** A message's row after an insert-if-absent: whether this insert wrote it, and what the row holds. */
    private record StoredMessage(long id, long chatId, MessageStatus status, boolean inserted) {
    }

    /**
     * Inserts {@code m} unless a message with its WhatsApp id is stored (or being stored by another transaction,
     * which is waited for): the send loop and the bridge's echo of the same message never fail on the unique key,
     * in either order.
     */
    private StoredMessage insertIfAbsent(Message m) {
        Long id = Sql.insertIfAbsentReturningId(jdbc, database.postgres(), "insert into message (wa_message_id, chat_id,"
                        + " direction, author_wa_id, body, msg_type, sent_at, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.waMessageId, m.chatId, m.direction.name(), m.authorWaId, m.body, m.type, db(m.sentAt), m.status.name(),
                db(m.createdAt));
        if (id != null) {
            return new StoredMessage(id, m.chatId, m.status, true); // the row holds what was just written
        }
        return jdbc.queryForObject("select id, chat_id, status from message where wa_message_id = ?",
                (rs, n) -> new StoredMessage(rs.getLong("id"), rs.getLong("chat_id"), MessageStatus.valueOf(rs.getString("status")),
                        false), m.waMessageId);
    }

    /**
     * What {@link #storeSent} did: the message's status afterwards (null when it was not stored: no WhatsApp id, or
     * a chat mssg ignores), and the event to publish, if any: {@code received} when this call stored it,
     * {@code ack} when WhatsApp's echo had stored it first with a status behind this one.
     */
    public record SentMessage(MessageStatus status, MessageReceived received, MessageAckChanged ack) {
    }

    /** A chat's row as {@link #storeSent} needs it. */
    private record ChatRow(long id, boolean group, Long contactId) {
    }

    private Optional<ChatRow> chatRow(String waId) {
        return jdbc.query("select id, is_group, contact_id from chat where wa_id = ?",
                (rs, n) -> new ChatRow(rs.getLong("id"), rs.getBoolean("is_group"), rs.getObject("contact_id", Long.class)),
                waId).stream().findFirst();
    }

    /**
     * A message this account has just sent, into its chat, with the same rows and event as {@link #storeMessages}
     * gives a live outgoing message (the message; the chat's last activity, moved forward only; no unread count;
     * one {@link MessageReceived}), in a few statements: the chat's row, an insert-if-absent, the row read back
     * only when another transaction stored it first, the chat's activity. The send loop calls it for every message it sends; WhatsApp's echo of
     * the same message may be stored by the bridge before, after or at the same moment, and one row results.
     */
    public SentMessage storeSent(String waMessageId, String chatWaId, String body, Instant sentAt, MessageStatus status,
                                 Instant now) {
        if (waMessageId == null || waMessageId.isBlank() || WaIds.isIgnored(chatWaId)) {
            return new SentMessage(null, null, null);
        }
        ChatRow chat = chatRow(chatWaId).orElseGet(() -> {
            ChatRow created = createChat(chatWaId, now);
            return created != null ? created : chatRow(chatWaId).orElseThrow();
        });
        Message m = new Message(waMessageId, chat.id(), now);
        m.direction = MessageDirection.OUTBOUND;
        m.body = bounded(body, MAX_BODY);
        m.type = "chat";
        m.sentAt = sentAt;
        m.status = status;
        StoredMessage row = insertIfAbsent(m);
        if (!row.inserted()) {
            // WhatsApp's echo came first, through storeMessages, which moved the chat's activity and told the app
            m.id = row.id();
            m.chatId = row.chatId();
            m.status = row.status();
            List<MessageAckChanged> moved = new ArrayList<>(1);
            advance(m, status, moved);
            return new SentMessage(m.status, null, moved.isEmpty() ? null : moved.get(0));
        }
        jdbc.update("update chat set last_activity = ?, updated_at = ? where id = ? and (last_activity is null or last_activity < ?)",
                db(sentAt), db(now), chat.id(), db(sentAt));
        return new SentMessage(status, new MessageReceived(row.id(), chat.id(), chat.group() ? null : chat.contactId(),
                MessageDirection.OUTBOUND, true), null);
    }

    /**
     * Inserts-if-absent: the same old message may come in two syncs at the same moment (two pages, or a page and a
     * live report); it is stored once and counted once, by the transaction that stored it.
     *
     * @return how many of {@code history} were stored
     */
    private int insertHistory(List<Message> history) {
        if (history.isEmpty()) return 0;
        List<Object[]> rows = new ArrayList<>(history.size());
        for (Message m : history) {
            rows.add(new Object[]{m.waMessageId, m.chatId, m.direction.name(), m.authorWaId, m.body, m.type,
                    db(m.sentAt), m.status.name(), db(m.createdAt)});
        }
        return Sql.insertRowsIfAbsent(jdbc, database.postgres(), "insert into message (wa_message_id, chat_id, direction,"
                + " author_wa_id, body, msg_type, sent_at, status, created_at)", 9, rows);
    }

    public List<MessageAckChanged> applyAck(WaAck ack) {
        if (ack == null || ack.waMessageIds().isEmpty()) return List.of();
        MessageStatus incoming = MessageStatus.fromAck(ack.ack());
        List<MessageAckChanged> out = new ArrayList<>();
        for (List<String> chunk : Sql.chunks(ack.waMessageIds().stream().distinct().toList(), Sql.CHUNK)) {
            for (Message m : messages(chunk)) {
                advance(m, incoming, out);
            }
        }
        return out;
    }

    private static String bounded(String s, int max) {
        if (s == null) return null;
        if (s.length() <= max) return s;
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--; // never split an emoji
        return s.substring(0, end);
    }
}
