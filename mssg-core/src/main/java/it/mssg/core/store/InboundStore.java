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
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies what WhatsApp reports, idempotently by WhatsApp ids: a value is written only when it differs,
 * so the same report twice changes nothing and reports no change. Contacts from WhatsApp merge with
 * CSV/manual contacts by phone number. Callers hold the transaction and publish the returned events.
 */
@Repository
public class InboundStore {

    private static final int MAX_BODY = 65_536;

    private final ContactRepository contacts;
    private final TagRepository tags;
    private final ChatRepository chats;
    private final MessageRepository messages;

    private final ContactIndex index;
    private final JdbcTemplate jdbc;
    /** inserts-if-absent are written per database */
    private final DatabaseKind database;

    InboundStore(ContactRepository contacts, TagRepository tags, ChatRepository chats, MessageRepository messages,
                 ContactIndex index, JdbcTemplate jdbc, DatabaseKind database) {
        this.contacts = contacts;
        this.tags = tags;
        this.chats = chats;
        this.messages = messages;
        this.index = index;
        this.jdbc = jdbc;
        this.database = database;
    }

    public record ContactChanges(int added, int updated) {
    }

    // ---- labels

    /** @return how many tags were created or changed */
    public int syncLabels(List<WaLabel> labels, Instant now) {
        int changed = 0;
        for (WaLabel l : labels) {
            if (l == null || l.id() == null || l.name() == null || l.name().isBlank()) continue;
            String name = tagName(l.name());
            String color = TagPalette.orDefault(l.hexColor(), name);
            Optional<TagEntity> linked = tags.findByWaLabelId(l.id());
            if (linked.isPresent()) {
                TagEntity t = linked.get();
                boolean nameFree = tags.findByNameKey(name.toLowerCase(Locale.ROOT)).map(o -> o.id.equals(t.id)).orElse(true);
                boolean c = false;
                if (!t.name.equals(name) && nameFree) {
                    t.rename(name);
                    c = true;
                }
                if (!t.color.equals(color)) {
                    t.color = color;
                    c = true;
                }
                if (c) changed++;
                continue;
            }
            Optional<TagEntity> sameName = tags.findByNameKey(name.toLowerCase(Locale.ROOT));
            if (sameName.isPresent()) {
                if (sameName.get().waLabelId == null) {
                    sameName.get().waLabelId = l.id();
                    changed++;
                }
                continue;
            }
            TagEntity t = new TagEntity(name, color, now);
            t.waLabelId = l.id();
            tags.save(t);
            changed++;
        }
        tags.flush();
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
        Map<String, TagEntity> labelTags = labelTags(usable.stream().flatMap(c -> c.labelIds().stream()).toList());
        int added = 0, updated = 0;
        List<Long> touched = new ArrayList<>();
        List<ContactEntity> fresh = new ArrayList<>();
        for (WaContact wc : usable) {
            ContactEntity c = byIds.find(wc.waId());
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
                TagEntity t = labelTags.get(labelId);
                if (t != null && c.tags.add(t)) changed = true;
            }
            if (created) {
                fresh.add(c);
                byIds.put(c);
                added++;
            } else if (changed && c.id != null) {
                c.touch(now);
                updated++;
                touched.add(c.id);
            } // else: new earlier in this page and written with it below
        }
        contacts.flush();
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
     * Writes the contacts new in a page with multi-row inserts (a JPA save per row would be one identity insert
     * each), then their label links. The entities are not managed by JPA; only their rows matter. Both are
     * inserts-if-absent: a sync of the same new contact at the same moment (another page, a chat or a message
     * that creates it) leaves one row and no error, and the contact it created gets this page's labels.
     */
    private NewContacts insertContacts(List<ContactEntity> fresh, Instant now) {
        if (fresh.isEmpty()) return new NewContacts(List.of(), 0);
        List<Object[]> rows = new ArrayList<>(fresh.size());
        for (ContactEntity c : fresh) {
            c.touch(now);
            rows.add(new Object[]{c.waId, c.phoneE164, c.displayName, c.pushName, c.business, c.optedOut, c.source.name(),
                    c.searchText, c.sortName, utc(c.createdAt), utc(c.updatedAt)});
        }
        int inserted = Sql.insertRowsIfAbsent(jdbc, database.postgres(), "insert into contact (wa_id, phone_e164,"
                + " display_name, push_name, business, opted_out, source, search_text, sort_name, created_at, updated_at)", 11, rows);
        Map<String, Long> ids = new HashMap<>();
        for (List<ContactEntity> chunk : Sql.chunks(fresh, Sql.CHUNK)) {
            jdbc.query("select id, wa_id from contact where wa_id in (" + Sql.marks(chunk.size()) + ")",
                    rs -> {
                        ids.put(rs.getString("wa_id"), rs.getLong("id"));
                    }, chunk.stream().map(c -> c.waId).toArray());
        }
        List<Object[]> links = new ArrayList<>();
        List<Long> out = new ArrayList<>(fresh.size());
        for (ContactEntity c : fresh) {
            Long id = ids.get(c.waId);
            if (id == null) {
                // not inserted and not found by its WhatsApp id: its number was taken at the same moment by a
                // contact without one (a CSV or manual contact), which it joins, as a later sync would
                id = contactFor(c.waId, c.pushName, now).id;
            }
            out.add(id);
            for (TagEntity t : c.tags) links.add(new Object[]{id, t.id});
        }
        Sql.insertRowsIfAbsent(jdbc, database.postgres(), "insert into contact_tag (contact_id, tag_id)", 2, links);
        return new NewContacts(out, inserted);
    }

    private ContactEntity newContact(String waId, String phone, Instant now) {
        ContactEntity c = new ContactEntity(ContactSource.WHATSAPP, now);
        c.waId = waId;
        c.phoneE164 = phone;
        return c;
    }

    private Map<String, TagEntity> labelTags(List<String> labelIds) {
        Map<String, TagEntity> out = new HashMap<>();
        if (labelIds.isEmpty()) return out;
        for (List<String> chunk : Sql.chunks(new LinkedHashSet<>(labelIds), Sql.CHUNK)) {
            tags.findByWaLabelIdIn(chunk).forEach(t -> out.put(t.waLabelId, t));
        }
        return out;
    }

    /** Contacts loaded by WhatsApp id and by the phone those ids carry, for one batch. */
    private final class Index {
        final Map<String, ContactEntity> byWaId = new HashMap<>();
        final Map<String, ContactEntity> byPhone = new HashMap<>();
        final Map<String, String> phones = new HashMap<>();

        ContactEntity find(String waId) {
            ContactEntity c = byWaId.get(waId);
            if (c != null) return c;
            String phone = phoneOf(waId);
            return phone == null ? null : byPhone.get(phone);
        }

        String phoneOf(String waId) {
            return phones.computeIfAbsent(waId, InboundStore::phoneFor);
        }

        void put(ContactEntity c) {
            if (c.waId != null) byWaId.put(c.waId, c);
            if (c.phoneE164 != null) byPhone.putIfAbsent(c.phoneE164, c);
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
        for (List<String> chunk : Sql.chunks(ids, Sql.CHUNK)) contacts.findByWaIdIn(chunk).forEach(index::put);
        for (List<String> chunk : Sql.chunks(phones, Sql.CHUNK)) contacts.findByPhoneE164In(chunk).forEach(index::put);
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
        Map<String, ChatEntity> byWaId = new HashMap<>();
        for (List<String> chunk : Sql.chunks(usable.stream().map(WaChat::waId).distinct().toList(), Sql.CHUNK)) {
            chats.findByWaIdIn(chunk).forEach(ch -> byWaId.put(ch.waId, ch));
        }
        Map<String, TagEntity> labelTags = labelTags(usable.stream().flatMap(c -> c.labelIds().stream()).toList());
        Index people = index(usable.stream().filter(c -> !c.group() && !WaIds.isGroup(c.waId())).map(WaChat::waId).toList());
        List<ChatEntity> fresh = new ArrayList<>();
        int changed = 0;
        for (WaChat wc : usable) {
            ChatEntity ch = byWaId.get(wc.waId());
            boolean created = ch == null;
            boolean c = false;
            if (created) {
                ch = new ChatEntity(wc.waId(), wc.group() || WaIds.isGroup(wc.waId()), now);
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
                ContactEntity contact = contacts.findById(ch.contactId).orElse(null);
                if (contact != null) {
                    boolean tagged = false;
                    for (String labelId : wc.labelIds()) {
                        TagEntity t = labelTags.get(labelId);
                        if (t != null && contact.tags.add(t)) tagged = true;
                    }
                    if (tagged) {
                        contact.touch(now);
                        index.changed(contact.id);
                    }
                }
            }
            if (created) {
                fresh.add(ch);
                byWaId.put(ch.waId, ch);
                changed++;
            } else if (c && ch.id != null) {
                ch.updatedAt = now;
                changed++;
            } // else: new earlier in this page and written with it below
        }
        chats.flush();
        insertChats(fresh);
        return changed;
    }

    /** The chats new in a page, in multi-row inserts: a JPA save per chat would be one identity insert each. */
    private void insertChats(List<ChatEntity> fresh) {
        List<Object[]> rows = new ArrayList<>(fresh.size());
        for (ChatEntity ch : fresh) {
            rows.add(new Object[]{ch.waId, ch.group, ch.name, ch.unreadCount, ch.lastActivity == null ? null : utc(ch.lastActivity),
                    ch.contactId, utc(ch.createdAt), utc(ch.updatedAt)});
        }
        // if absent: the send loop or a message may create the same chat at the same moment (see createChat)
        Sql.insertRowsIfAbsent(jdbc, database.postgres(), "insert into chat (wa_id, is_group, name, unread_count,"
                + " last_activity, contact_id, created_at, updated_at)", 8, rows);
    }

    /** The contact for a person's chat: one of the page's contacts loaded up front, else {@link #contactFor}. */
    private ContactEntity chatContact(String waId, Index people, Instant now) {
        ContactEntity known = people.find(waId);
        if (known == null) {
            known = contactFor(waId, null, now);
            people.put(known);
        } else if (known.waId == null) {
            known.waId = waId; // a CSV/manual contact seen on WhatsApp for the first time
            known.touch(now);
            index.changed(known.id);
        }
        return known;
    }

    /** The contact for a person's WhatsApp id, created (source WHATSAPP) when unknown. */
    private ContactEntity contactFor(String waId, String pushName, Instant now) {
        String phone = phoneFor(waId);
        Optional<ContactEntity> known = knownContact(waId, phone, now);
        if (known.isPresent()) return known.get();
        ContactEntity c = newContact(waId, phone, now);
        c.pushName = ContactText.name(pushName);
        c.touch(now);
        // an insert-if-absent (a JPA save is a plain insert): another transaction may create the same contact at
        // the same moment (a contact sync, a chat, a message from the same new person); then its row is the one
        Long id = Sql.insertIfAbsentReturningId(jdbc, database.postgres(), "insert into contact (wa_id, phone_e164,"
                        + " display_name, push_name, business, opted_out, source, search_text, sort_name, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.waId, c.phoneE164, c.displayName, c.pushName,
                c.business, c.optedOut, c.source.name(), c.searchText, c.sortName, utc(c.createdAt), utc(c.updatedAt));
        if (id == null) {
            // the other transaction has committed it: found now by the WhatsApp id or the number it took
            return knownContact(waId, phone, now).orElseThrow();
        }
        ContactEntity saved = contacts.findById(id).orElseThrow();
        index.changed(saved.id);
        return saved;
    }

    /** The contact with this WhatsApp id, else the one with its number (which takes the id when it has none). */
    private Optional<ContactEntity> knownContact(String waId, String phone, Instant now) {
        Optional<ContactEntity> byWa = contacts.findByWaId(waId);
        if (byWa.isPresent() || phone == null) return byWa;
        return contacts.findByPhoneE164(phone).map(c -> {
            if (c.waId == null) {
                c.waId = waId;
                c.touch(now);
                index.changed(c.id);
            }
            return c;
        });
    }

    /** The chat with {@code waId}, created when unknown. */
    private ChatEntity chatFor(String waId, Instant now) {
        return chats.findByWaId(waId).orElseGet(() -> {
            createChat(waId, now);
            return chats.findByWaId(waId).orElseThrow();
        });
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
            // usually known by its WhatsApp id (always for a recipient of the send loop): a plain select, as a JPA
            // look-up that loads the contact was half of storing a sent message in a new chat (JFR, OutboxIT)
            List<Long> known = jdbc.queryForList("select id from contact where wa_id = ?", Long.class, waId);
            contactId = known.isEmpty() ? contactFor(waId, null, now).id : known.get(0);
        }
        Long id = Sql.insertIfAbsentReturningId(jdbc, database.postgres(), "insert into chat (wa_id, is_group, unread_count,"
                + " contact_id, created_at, updated_at) values (?, ?, 0, ?, ?, ?)", waId, group, contactId, utc(now), utc(now));
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
     *                   and get no id back, because nothing is published per history message; a JPA save per row
     *                   would cost an identity insert each.
     */
    public MessageChanges storeMessages(List<WaMessage> list, Instant now, Duration liveWindow) {
        List<WaMessage> usable = list.stream().filter(m -> m != null && m.waMessageId() != null && !m.waMessageId().isBlank()
                && !WaIds.isIgnored(m.chatWaId())).toList();
        Map<String, MessageEntity> known = new HashMap<>();
        for (List<String> chunk : Sql.chunks(usable.stream().map(WaMessage::waMessageId).distinct().toList(), Sql.CHUNK)) {
            messages.findByWaMessageIdIn(chunk).forEach(m -> known.put(m.waMessageId, m));
        }
        Map<String, ChatEntity> chatCache = new HashMap<>();
        Set<String> writtenByJdbc = new java.util.HashSet<>(); // live messages of this batch: rows JPA does not manage
        List<MessageReceived> received = new ArrayList<>();
        List<MessageAckChanged> acks = new ArrayList<>();
        List<MessageEntity> history = new ArrayList<>();
        Set<Long> historyChats = new LinkedHashSet<>();
        for (WaMessage wm : usable) {
            MessageStatus incoming = MessageStatus.fromAck(wm.ack());
            MessageEntity m = known.get(wm.waMessageId());
            if (m != null && m.id == null) {
                // the same history message twice in one page: one row, with the furthest status
                MessageEntity pending = m;
                MessageStatuses.advance(pending.status, incoming).ifPresent(s -> pending.status = s);
                continue;
            }
            if (m != null) {
                advance(m, incoming, writtenByJdbc.contains(m.waMessageId), acks);
                continue;
            }
            ChatEntity chat = chatCache.computeIfAbsent(wm.chatWaId(), id -> chatFor(id, now));
            m = new MessageEntity(wm.waMessageId(), chat.id, now);
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
                writtenByJdbc.add(m.waMessageId);
                if (!row.inserted()) {
                    // stored since `known` was read: by the send loop, which stores a message it just sent while
                    // WhatsApp's echo of it comes in here; it also moved the chat's activity and told the app
                    m.chatId = row.chatId();
                    m.status = row.status();
                    advance(m, incoming, true, acks);
                    continue;
                }
            } else {
                history.add(m);
                historyChats.add(chat.id);
            }
            if (chat.lastActivity == null || m.sentAt.isAfter(chat.lastActivity)) {
                chat.lastActivity = m.sentAt;
                chat.updatedAt = now;
            }
            if (live && m.direction == MessageDirection.INBOUND) {
                chat.unreadCount++;
                chat.updatedAt = now;
            }
            if (live) {
                received.add(new MessageReceived(m.id, chat.id, chat.group ? null : chat.contactId, m.direction, true));
            }
        }
        int historyAdded = insertHistory(history);
        messages.flush();
        return new MessageChanges(received, historyAdded, historyAdded == 0 ? 0 : historyChats.size(), acks);
    }

    /** Moves a stored message's status forward when {@code incoming} is further; {@code byJdbc}: JPA does not manage it. */
    private void advance(MessageEntity m, MessageStatus incoming, boolean byJdbc, List<MessageAckChanged> acks) {
        MessageStatuses.advance(m.status, incoming).ifPresent(s -> {
            m.status = s;
            if (byJdbc) {
                jdbc.update("update message set status = ? where id = ?", s.name(), m.id);
            }
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
    private StoredMessage insertIfAbsent(MessageEntity m) {
        Long id = Sql.insertIfAbsentReturningId(jdbc, database.postgres(), "insert into message (wa_message_id, chat_id,"
                        + " direction, author_wa_id, body, msg_type, sent_at, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.waMessageId, m.chatId, m.direction.name(), m.authorWaId, m.body, m.type, utc(m.sentAt), m.status.name(),
                utc(m.createdAt));
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
     * one {@link MessageReceived}), in a few plain statements instead of JPA: the chat's row, an insert-if-absent,
     * the row read back, the chat's activity. The send loop calls it for every message it sends; WhatsApp's echo of
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
        MessageEntity m = new MessageEntity(waMessageId, chat.id(), now);
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
            advance(m, status, true, moved);
            return new SentMessage(m.status, null, moved.isEmpty() ? null : moved.get(0));
        }
        jdbc.update("update chat set last_activity = ?, updated_at = ? where id = ? and (last_activity is null or last_activity < ?)",
                utc(sentAt), utc(now), chat.id(), utc(sentAt));
        return new SentMessage(status, new MessageReceived(row.id(), chat.id(), chat.group() ? null : chat.contactId(),
                MessageDirection.OUTBOUND, true), null);
    }

    /**
     * Inserts-if-absent: the same old message may come in two syncs at the same moment (two pages, or a page and a
     * live report); it is stored once and counted once, by the transaction that stored it.
     *
     * @return how many of {@code history} were stored
     */
    private int insertHistory(List<MessageEntity> history) {
        if (history.isEmpty()) return 0;
        List<Object[]> rows = new ArrayList<>(history.size());
        for (MessageEntity m : history) {
            rows.add(new Object[]{m.waMessageId, m.chatId, m.direction.name(), m.authorWaId, m.body, m.type,
                    utc(m.sentAt), m.status.name(), utc(m.createdAt)});
        }
        return Sql.insertRowsIfAbsent(jdbc, database.postgres(), "insert into message (wa_message_id, chat_id, direction,"
                + " author_wa_id, body, msg_type, sent_at, status, created_at)", 9, rows);
    }

    /** As Hibernate binds an {@code Instant} to {@code timestamp with time zone}: the same value at offset zero. */
    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    public List<MessageAckChanged> applyAck(WaAck ack) {
        if (ack == null || ack.waMessageIds().isEmpty()) return List.of();
        MessageStatus incoming = MessageStatus.fromAck(ack.ack());
        List<MessageAckChanged> out = new ArrayList<>();
        for (List<String> chunk : Sql.chunks(ack.waMessageIds().stream().distinct().toList(), Sql.CHUNK)) {
            for (MessageEntity m : messages.findByWaMessageIdIn(chunk)) {
                MessageStatuses.advance(m.status, incoming).ifPresent(s -> {
                    m.status = s;
                    out.add(new MessageAckChanged(m.id, m.chatId, s));
                });
            }
        }
        messages.flush();
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
