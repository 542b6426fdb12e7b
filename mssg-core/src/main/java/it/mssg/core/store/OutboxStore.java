package it.mssg.core.store;

import it.mssg.core.domain.sending.GovernorReason;
import it.mssg.core.domain.sending.IdempotencyKey;
import it.mssg.core.domain.sending.MessagePurpose;
import it.mssg.core.domain.sending.OutboxEntryState;
import it.mssg.core.domain.sending.SendHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static it.mssg.core.store.Times.db;
import static it.mssg.core.store.Times.longOrNull;
import static it.mssg.core.store.Times.read;

/**
 * The outbox table. State changes are conditional updates ({@code where state = ?}): a move that lost a race
 * changes nothing and says so. Callers hold the transactions.
 */
@Repository
public class OutboxStore {

    private static final String SELECT = "select e.*, coalesce(c.display_name, c.push_name, c.phone_e164) as recipient_name"
            + " from outbox_entry e left join contact c on c.id = e.contact_id";

    private final JdbcTemplate jdbc;

    OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, String idempotencyKey, IdempotencyKey.Source source, MessagePurpose purpose,
                      Long contactId, String recipientName, String recipientWaId, String body, long textFingerprint,
                      OutboxEntryState state, GovernorReason reason, String detail, Long campaignId,
                      Instant notBefore, Instant nextAttemptAt, Instant attemptStartedAt, Instant sentAt,
                      boolean cold, String waMessageId, Instant createdAt, Instant updatedAt) {
    }

    public record NewEntry(IdempotencyKey key, IdempotencyKey.Source source, MessagePurpose purpose, Long contactId,
                           String recipientWaId, String body, long textFingerprint, Long campaignId,
                           Instant notBefore, boolean cold) {
    }

    private static final RowMapper<Row> ROW = OutboxStore::row;

    private static Row row(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("reason");
        return new Row(rs.getLong("id"), rs.getString("idempotency_key"),
                IdempotencyKey.Source.valueOf(rs.getString("source")), MessagePurpose.valueOf(rs.getString("purpose")),
                longOrNull(rs, "contact_id"), rs.getString("recipient_name"), rs.getString("recipient_wa_id"),
                rs.getString("body"), rs.getLong("text_fingerprint"), OutboxEntryState.valueOf(rs.getString("state")),
                reason == null ? null : GovernorReason.valueOf(reason), rs.getString("detail"),
                longOrNull(rs, "campaign_id"), read(rs, "not_before"), read(rs, "next_attempt_at"),
                read(rs, "attempt_started_at"), read(rs, "sent_at"), rs.getBoolean("cold"),
                rs.getString("wa_message_id"), read(rs, "created_at"), read(rs, "updated_at"));
    }

    public Optional<Row> find(long id) {
        return jdbc.query(SELECT + " where e.id = ?", ROW, id).stream().findFirst();
    }

    public Optional<Row> findByKey(IdempotencyKey key) {
        return jdbc.query(SELECT + " where e.idempotency_key = ?", ROW, key.value()).stream().findFirst();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the key is taken (the caller returns that entry) */
    public long insert(NewEntry e, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into outbox_entry (idempotency_key, source, purpose,"
                    + " priority, contact_id, recipient_wa_id, body, text_fingerprint, state, campaign_id, not_before,"
                    + " cold, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[]{"id"});
            ps.setString(1, e.key().value());
            ps.setString(2, e.source().name());
            ps.setString(3, e.purpose().name());
            ps.setInt(4, e.purpose().responsive() ? 0 : 1);
            ps.setObject(5, e.contactId());
            ps.setString(6, e.recipientWaId());
            ps.setString(7, e.body());
            ps.setLong(8, e.textFingerprint());
            ps.setString(9, OutboxEntryState.QUEUED.name());
            ps.setObject(10, e.campaignId());
            ps.setObject(11, db(e.notBefore()));
            ps.setBoolean(12, e.cold());
            ps.setObject(13, db(now));
            ps.setObject(14, db(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /**
     * Inserts {@code e} and gives its row built from what was written, without reading it back: the caller knows
     * the recipient's shown name (a contact's display name, else push name, else phone, as {@link #SELECT} gives it).
     * The times are written to the microsecond, as the columns keep them, so the row equals one read later.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the key is taken (the caller returns that entry)
     */
    public Row insertKnown(NewEntry entry, String recipientName, Instant now) {
        Instant written = micros(now);
        NewEntry e = new NewEntry(entry.key(), entry.source(), entry.purpose(), entry.contactId(), entry.recipientWaId(),
                entry.body(), entry.textFingerprint(), entry.campaignId(), micros(entry.notBefore()), entry.cold());
        long id = insert(e, written);
        return new Row(id, e.key().value(), e.source(), e.purpose(), e.contactId(), recipientName, e.recipientWaId(),
                e.body(), e.textFingerprint(), OutboxEntryState.QUEUED, null, null, e.campaignId(), e.notBefore(), null,
                null, null, e.cold(), null, written, written);
    }

    private static Instant micros(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The entry the send loop should look at next: answers first, then in queue order. The id is picked from the
     * outbox alone, ordered like {@code ix_outbox_state} (state is fixed, so ordering by it changes nothing): H2
     * then walks the index and stops at the first due entry. Joined to the contact and the campaign in one query,
     * it read, joined and sorted every queued entry at each step.
     */
    public Optional<Row> nextDue(Instant now) {
        return jdbc.query(SELECT + " where e.id = (select d.id from outbox_entry d where d.state = 'QUEUED'"
                + " and (d.not_before is null or d.not_before <= ?) and (d.next_attempt_at is null or d.next_attempt_at <= ?)"
                + " and (d.campaign_id is null or exists (select 1 from campaign k where k.id = d.campaign_id"
                + " and k.state = 'RUNNING')) order by d.state, d.priority, d.id fetch first 1 rows only)",
                ROW, db(now), db(now)).stream().findFirst();
    }

    /** The earliest time after {@code now} a queued entry becomes due by its own times, or null. */
    public Instant nextTimedAfter(Instant now) {
        Instant a = jdbc.query("select min(not_before) as t from outbox_entry where state = 'QUEUED' and not_before > ?",
                (rs, n) -> read(rs, "t"), db(now)).get(0);
        Instant b = jdbc.query("select min(next_attempt_at) as t from outbox_entry where state = 'QUEUED' and next_attempt_at > ?",
                (rs, n) -> read(rs, "t"), db(now)).get(0);
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** Moves {@code id} from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    public boolean move(long id, OutboxEntryState from, OutboxEntryState to, GovernorReason reason, String detail,
                        Instant now) {
        from.moveTo(to); // refuses a move the state machine does not allow
        return jdbc.update("update outbox_entry set state = ?, reason = ?, detail = ?, updated_at = ?"
                + (to == OutboxEntryState.QUEUED ? ", next_attempt_at = null" : "")
                + " where id = ? and state = ?", to.name(), reason == null ? null : reason.name(), detail, db(now), id,
                from.name()) == 1;
    }

    private volatile Boolean h2;

    /**
     * Makes every commit so far durable before a message leaves. PostgreSQL's commit already is; H2 writes its log
     * up to half a second after a commit (WRITE_DELAY), so a process killed in that window would forget that an
     * entry was SENDING and send it again after the restart.
     * <p>
     * The fsync ({@code SYNC}) is kept on purpose: a plain {@code CHECKPOINT} survives a killed process but not a
     * power cut or an OS crash, and then the SENDING mark could vanish and the message leave twice. Only this mark
     * needs it; a lost SENT mark after a power cut leaves the entry SENDING, which start-up settles against the chat.
     * It costs one disk flush (a few ms) per message, a small part of the outbox overhead.
     */
    public void makeCommitsDurable() {
        if (h2 == null) {
            h2 = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection con) ->
                    con.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")));
        }
        if (h2) {
            jdbc.execute("checkpoint sync");
        }
    }

    public boolean markSending(long id, Instant now) {
        return jdbc.update("update outbox_entry set state = 'SENDING', attempt_started_at = ?, reason = 'OK', detail = null,"
                + " updated_at = ? where id = ? and state = 'QUEUED'", db(now), db(now), id) == 1;
    }

    /** SENDING or UNCERTAIN → SENT with WhatsApp's id; {@code sentAt} counts for the governor's history. */
    public boolean markSent(long id, OutboxEntryState from, String waMessageId, boolean cold, Instant sentAt, Instant now) {
        from.moveTo(OutboxEntryState.SENT);
        return jdbc.update("update outbox_entry set state = 'SENT', wa_message_id = ?, cold = ?, sent_at = ?, reason = null,"
                + " detail = null, updated_at = ? where id = ? and state = ?", waMessageId, cold, db(sentAt), db(now), id,
                from.name()) == 1;
    }

    /**
     * Shows the governor's latest reason on a queued entry; {@code nextAttemptAt} holds this entry alone.
     *
     * @return false when the entry was no longer queued
     */
    public boolean noteVerdict(long id, GovernorReason reason, Instant nextAttemptAt, Instant now) {
        return jdbc.update("update outbox_entry set reason = ?, next_attempt_at = ?, updated_at = ? where id = ? and state = 'QUEUED'",
                reason.name(), db(nextAttemptAt), db(now), id) == 1;
    }

    public List<Row> inState(OutboxEntryState state) {
        return jdbc.query(SELECT + " where e.state = ? order by e.id", ROW, state.name());
    }

    /** Start-up: every SENDING entry becomes UNCERTAIN before anything else runs. */
    public int sendingToUncertain(Instant now) {
        return jdbc.update("update outbox_entry set state = 'UNCERTAIN', detail = 'found sending at start-up',"
                + " updated_at = ? where state = 'SENDING'", db(now));
    }

    /** Sends that count for the governor since {@code from}. */
    public SendHistory.Builder history(Instant from) {
        SendHistory.Builder builder = SendHistory.builder();
        jdbc.query("select recipient_wa_id, sent_at, text_fingerprint, cold from outbox_entry where sent_at >= ?"
                + " and state in ('SENT','DELIVERED','READ') order by sent_at", rs -> {
            builder.sent(rs.getString(1), read(rs, "sent_at"), rs.getLong(3), rs.getBoolean(4));
        }, db(from));
        return builder;
    }

    /** WhatsApp ids already linked to outbox entries of this recipient (reconciliation must not take them twice). */
    public List<String> claimedMessageIds(String recipientWaId) {
        return jdbc.queryForList("select wa_message_id from outbox_entry where recipient_wa_id = ? and wa_message_id is not null",
                String.class, recipientWaId);
    }

    public Optional<Row> findByWaMessageId(String waMessageId) {
        return jdbc.query(SELECT + " where e.wa_message_id = ?", ROW, waMessageId).stream().findFirst();
    }

    /** Applies an ack state (DELIVERED, READ, FAILED) found by the state machine. */
    public boolean ackState(long id, OutboxEntryState from, OutboxEntryState to, Instant now) {
        return move(id, from, to, null, to == OutboxEntryState.FAILED ? "WhatsApp reported an error" : null, now);
    }

    public List<Row> page(OutboxEntryState state, Long campaignId, boolean oldestFirst, long offset, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(state, campaignId, args);
        args.add(offset);
        args.add(size);
        return jdbc.query(SELECT + where + " order by e.id " + (oldestFirst ? "asc" : "desc")
                + " offset ? rows fetch next ? rows only", ROW, args.toArray());
    }

    public long count(OutboxEntryState state, Long campaignId) {
        List<Object> args = new ArrayList<>();
        String where = where(state, campaignId, args);
        return jdbc.queryForObject("select count(*) from outbox_entry e" + where, Long.class, args.toArray());
    }

    private static String where(OutboxEntryState state, Long campaignId, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (state != null) {
            conditions.add("e.state = ?");
            args.add(state.name());
        }
        if (campaignId != null) {
            conditions.add("e.campaign_id = ?");
            args.add(campaignId);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The entries to a contact that have not left: queued, blocked (they may be sent again) or uncertain. */
    public List<Long> unsentForContact(long contactId) {
        return jdbc.queryForList("select id from outbox_entry where contact_id = ? and state in ('QUEUED', 'BLOCKED', 'UNCERTAIN')"
                + " order by id", Long.class, contactId);
    }

    /** {@link #unsentForContact} for many contacts. */
    public List<Long> unsentForContacts(java.util.Collection<Long> contactIds) {
        List<Long> ids = new ArrayList<>();
        for (List<Long> chunk : Sql.chunks(contactIds, Sql.CHUNK)) {
            ids.addAll(jdbc.queryForList("select id from outbox_entry where contact_id in (" + Sql.marks(chunk.size())
                    + ") and state in ('QUEUED', 'BLOCKED', 'UNCERTAIN') order by id", Long.class, chunk.toArray()));
        }
        return ids;
    }

    /** The latest {@code limit} entries to a contact, oldest first. */
    public List<Row> recentForContact(long contactId, int limit) {
        List<Row> rows = new ArrayList<>(jdbc.query(SELECT + " where e.contact_id = ? order by e.id desc fetch first ? rows only",
                ROW, contactId, limit));
        java.util.Collections.reverse(rows);
        return rows;
    }

    public Map<OutboxEntryState, Long> countsByState(Long campaignId) {
        Map<OutboxEntryState, Long> counts = new EnumMap<>(OutboxEntryState.class);
        String sql = "select state, count(*) from outbox_entry" + (campaignId == null ? "" : " where campaign_id = ?")
                + " group by state";
        Object[] args = campaignId == null ? new Object[0] : new Object[]{campaignId};
        jdbc.query(sql, rs -> {
            counts.put(OutboxEntryState.valueOf(rs.getString(1)), rs.getLong(2));
        }, args);
        return counts;
    }

    /** Entries of a campaign still to send: {known, cold}. */
    public long[] pendingOfCampaign(long campaignId) {
        long[] out = new long[2];
        jdbc.query("select cold, count(*) from outbox_entry where campaign_id = ? and state in ('QUEUED','SENDING','UNCERTAIN')"
                + " group by cold", rs -> {
            out[rs.getBoolean(1) ? 1 : 0] = rs.getLong(2);
        }, campaignId);
        return out;
    }

    public long sentSince(Instant from) {
        return jdbc.queryForObject("select count(*) from outbox_entry where sent_at >= ?", Long.class, db(from));
    }

    /** Queued automated entries of an opted-out contact are blocked; returns them (id, campaign) for events. */
    public List<Row> blockQueuedAutomatedOf(long contactId, Instant now) {
        List<Row> rows = jdbc.query(SELECT + " where e.contact_id = ? and e.state = 'QUEUED' and e.priority = 1", ROW, contactId);
        List<Row> blocked = new ArrayList<>();
        for (Row r : rows) {
            if (move(r.id(), OutboxEntryState.QUEUED, OutboxEntryState.BLOCKED, GovernorReason.OPTED_OUT,
                    "the contact opted out", now)) {
                blocked.add(r);
            }
        }
        return blocked;
    }

    /** Every entry of a campaign that has not left yet moves to CANCELLED; returns how many. */
    public int cancelUnsent(long campaignId, Instant now) {
        return jdbc.update("update outbox_entry set state = 'CANCELLED', updated_at = ? where campaign_id = ?"
                + " and state in ('QUEUED','BLOCKED')", db(now), campaignId);
    }

    public int deleteUnsentOfCampaign(long campaignId) {
        return jdbc.update("delete from outbox_entry where campaign_id = ? and state in ('QUEUED','BLOCKED','CANCELLED','FAILED')",
                campaignId);
    }
}
