package it.mssg.core.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static it.mssg.core.store.Times.db;
import static it.mssg.core.store.Times.longOrNull;
import static it.mssg.core.store.Times.read;

/** What sending needs to know about contacts, chats and messages, read straight from their tables. */
@Repository
public class SendingDirectory {

    private static final String CONTACT = "select c.id, c.wa_id, c.phone_e164, c.display_name, c.push_name, c.opted_out,"
            + " c.opted_out_at from contact c";

    private final JdbcTemplate jdbc;

    SendingDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A contact as a recipient. {@code optedOutAt} is the opt-out time, or the epoch when the contact was marked
     * opted out by hand without a time; {@code lastInboundAt} is null when they never wrote (cold).
     */
    public record Recipient(long contactId, String waId, String phoneE164, String displayName, String pushName,
                            boolean optedOut, Instant optedOutAt, Map<String, String> fields, Set<String> tags,
                            Instant lastInboundAt) {

        /** The WhatsApp id messages go to: the known one, else the one the phone number stands for; null if neither. */
        public String recipientWaId() {
            if (waId != null) {
                return waId;
            }
            return phoneE164 == null ? null : phoneE164.replace("+", "") + "@c.us";
        }

        public String name() {
            if (displayName != null) {
                return displayName;
            }
            return pushName != null ? pushName : phoneE164;
        }
    }

    public record ChatTarget(long chatId, String waId, boolean group, Long contactId) {
    }

    private static final RowMapper<Recipient> BARE = (rs, n) -> recipient(rs, Map.of(), Set.of(), null);

    private static Recipient recipient(ResultSet rs, Map<String, String> fields, Set<String> tags, Instant lastInbound)
            throws SQLException {
        boolean optedOut = rs.getBoolean("opted_out");
        Instant at = read(rs, "opted_out_at");
        return new Recipient(rs.getLong("id"), rs.getString("wa_id"), rs.getString("phone_e164"),
                rs.getString("display_name"), rs.getString("push_name"), optedOut,
                optedOut ? (at == null ? Instant.EPOCH : at) : null, fields, tags, lastInbound);
    }

    public Optional<Recipient> contact(long contactId) {
        Optional<Recipient> bare = jdbc.query(CONTACT + " where c.id = ?", BARE, contactId).stream().findFirst();
        return bare.map(r -> {
            Map<String, String> fields = new LinkedHashMap<>();
            jdbc.query("select field_key, field_value from contact_field where contact_id = ?",
                    rs -> {
                        fields.put(rs.getString(1), rs.getString(2));
                    }, contactId);
            Set<String> tags = new LinkedHashSet<>(jdbc.queryForList("select t.name from contact_tag ct join tag t"
                    + " on t.id = ct.tag_id where ct.contact_id = ?", String.class, contactId));
            Instant lastInbound = jdbc.query("select max(m.sent_at) as t from message m join chat ch on ch.id = m.chat_id"
                    + " where ch.contact_id = ? and m.direction = 'INBOUND'", (rs, n) -> read(rs, "t"), contactId).get(0);
            return new Recipient(r.contactId(), r.waId(), r.phoneE164(), r.displayName(), r.pushName(), r.optedOut(),
                    r.optedOutAt(), fields, tags, lastInbound);
        });
    }

    /** A contact as a recipient without fields, tags and last inbound time (one query): enough to address a message. */
    public Optional<Recipient> recipient(long contactId) {
        return jdbc.query(CONTACT + " where c.id = ?", BARE, contactId).stream().findFirst();
    }

    public Optional<Long> contactIdByWaId(String waId) {
        return jdbc.queryForList("select id from contact where wa_id = ?", Long.class, waId).stream().findFirst();
    }

    /** Every contact with tags, custom fields and last inbound time, in id order: a campaign's candidates. */
    public List<Recipient> allContacts() {
        Map<Long, Map<String, String>> fields = new HashMap<>();
        jdbc.query("select contact_id, field_key, field_value from contact_field", rs -> {
            fields.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
        });
        Map<Long, Set<String>> tags = new HashMap<>();
        jdbc.query("select ct.contact_id, t.name from contact_tag ct join tag t on t.id = ct.tag_id", rs -> {
            tags.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
        });
        Map<Long, Instant> lastInbound = new HashMap<>();
        jdbc.query("select ch.contact_id, max(m.sent_at) as t from message m join chat ch on ch.id = m.chat_id"
                + " where m.direction = 'INBOUND' and ch.contact_id is not null group by ch.contact_id", rs -> {
            lastInbound.put(rs.getLong(1), read(rs, "t"));
        });
        List<Recipient> out = new ArrayList<>();
        jdbc.query(CONTACT + " order by c.id", rs -> {
            long id = rs.getLong("id");
            out.add(recipient(rs, fields.getOrDefault(id, Map.of()), tags.getOrDefault(id, Set.of()), lastInbound.get(id)));
        });
        return out;
    }

    public Optional<ChatTarget> chat(long chatId) {
        return jdbc.query("select id, wa_id, is_group, contact_id from chat where id = ?", (rs, n) ->
                new ChatTarget(rs.getLong(1), rs.getString(2), rs.getBoolean(3), longOrNull(rs, "contact_id")), chatId)
                .stream().findFirst();
    }

    /** When this chat (a WhatsApp id) last had a message from the other side, or null. */
    public Instant lastInboundAt(String chatWaId) {
        return jdbc.query("select max(m.sent_at) as t from message m join chat ch on ch.id = m.chat_id"
                + " where ch.wa_id = ? and m.direction = 'INBOUND'", (rs, n) -> read(rs, "t"), chatWaId).get(0);
    }

    /**
     * When the recipient opted out (the epoch when marked by hand without a time), or null: by contact id when
     * known, else by the WhatsApp id.
     */
    public Instant optedOutAt(Long contactId, String waId) {
        List<Recipient> found = contactId != null ? jdbc.query(CONTACT + " where c.id = ?", BARE, contactId)
                : jdbc.query(CONTACT + " where c.wa_id = ?", BARE, waId);
        return found.stream().findFirst().map(Recipient::optedOutAt).orElse(null);
    }

    /** Marks the contact opted out; false when it already was. */
    public boolean optOut(long contactId, Instant at) {
        return jdbc.update("update contact set opted_out = true, opted_out_at = ?, updated_at = ? where id = ?"
                + " and (opted_out = false or opted_out_at is null)", db(at), db(at), contactId) == 1;
    }

    /** A stored message: its body, direction and chat's contact. */
    public record StoredMessage(long id, String waMessageId, String body, boolean inbound, Long contactId) {
    }

    public Optional<StoredMessage> message(long messageId) {
        return jdbc.query("select m.id, m.wa_message_id, m.body, m.direction, ch.contact_id from message m"
                + " join chat ch on ch.id = m.chat_id where m.id = ?", (rs, n) -> new StoredMessage(rs.getLong(1),
                rs.getString(2), rs.getString(3), "INBOUND".equals(rs.getString(4)), longOrNull(rs, "contact_id")),
                messageId).stream().findFirst();
    }

    /** The stored status (MessageStatus name) of a message by its WhatsApp id, or null when not stored. */
    public String messageStatus(String waMessageId) {
        return jdbc.queryForList("select status from message where wa_message_id = ?", String.class, waMessageId)
                .stream().findFirst().orElse(null);
    }
}
