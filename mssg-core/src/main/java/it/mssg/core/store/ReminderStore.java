package it.mssg.core.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static it.mssg.core.store.Times.db;
import static it.mssg.core.store.Times.read;

/** Follow-up reminders. */
@Repository
public class ReminderStore {

    private final JdbcTemplate jdbc;

    ReminderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, long contactId, String contactName, String note, Instant dueAt, Instant createdAt,
                      Instant clearedAt) {
    }

    private static final String SELECT = "select r.*, coalesce(c.display_name, c.push_name, c.phone_e164) as contact_name"
            + " from follow_up_reminder r join contact c on c.id = r.contact_id";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("contact_id"),
            rs.getString("contact_name"), rs.getString("note"), read(rs, "due_at"), read(rs, "created_at"),
            read(rs, "cleared_at"));

    public long insert(long contactId, String note, Instant dueAt, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into follow_up_reminder (contact_id, note, due_at,"
                    + " created_at) values (?,?,?,?)", new String[]{"id"});
            ps.setLong(1, contactId);
            ps.setString(2, note);
            ps.setObject(3, db(dueAt));
            ps.setObject(4, db(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Row> find(long id) {
        return jdbc.query(SELECT + " where r.id = ?", ROW, id).stream().findFirst();
    }

    public List<Row> due(Instant now) {
        return jdbc.query(SELECT + " where r.cleared_at is null and r.due_at <= ? order by r.due_at, r.id", ROW, db(now));
    }

    public List<Row> openFor(long contactId) {
        return jdbc.query(SELECT + " where r.cleared_at is null and r.contact_id = ? order by r.due_at, r.id", ROW, contactId);
    }

    public boolean clear(long id, Instant now) {
        return jdbc.update("update follow_up_reminder set cleared_at = ? where id = ? and cleared_at is null", db(now), id) == 1;
    }

    /** An inbound message from the contact clears every open reminder of theirs created before it. */
    public int clearForContact(long contactId, Instant messageAt, Instant now) {
        return jdbc.update("update follow_up_reminder set cleared_at = ? where contact_id = ? and cleared_at is null"
                + " and created_at <= ?", db(now), contactId, db(messageAt));
    }
}
