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

/** The campaign table; states are the names of {@code CampaignState}. */
@Repository
public class CampaignStore {

    private final JdbcTemplate jdbc;

    CampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, String name, String tagExpression, String templateBody, String state, String stateReason,
                      int skipped, Instant createdAt, Instant updatedAt, Instant startedAt, Instant finishedAt) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("name"),
            rs.getString("tag_expression"), rs.getString("template_body"), rs.getString("state"),
            rs.getString("state_reason"), rs.getInt("skipped"), read(rs, "created_at"), read(rs, "updated_at"),
            read(rs, "started_at"), read(rs, "finished_at"));

    public List<Row> all() {
        return jdbc.query("select * from campaign order by id desc", ROW);
    }

    public Optional<Row> find(long id) {
        return jdbc.query("select * from campaign where id = ?", ROW, id).stream().findFirst();
    }

    /** The row, locked until the caller's transaction ends (a start racing another start waits for it). */
    public Optional<Row> findForUpdate(long id) {
        return jdbc.query("select * from campaign where id = ? for update", ROW, id).stream().findFirst();
    }

    public List<Row> inState(String state) {
        return jdbc.query("select * from campaign where state = ? order by id", ROW, state);
    }

    public long insert(String name, String tagExpression, String templateBody, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into campaign (name, tag_expression, template_body, state,"
                    + " created_at, updated_at) values (?,?,?,'DRAFT',?,?)", new String[]{"id"});
            ps.setString(1, name);
            ps.setString(2, tagExpression);
            ps.setString(3, templateBody);
            ps.setObject(4, db(now));
            ps.setObject(5, db(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public boolean updateDraft(long id, String name, String tagExpression, String templateBody, Instant now) {
        return jdbc.update("update campaign set name = ?, tag_expression = ?, template_body = ?, updated_at = ?"
                + " where id = ? and state = 'DRAFT'", name, tagExpression, templateBody, db(now), id) == 1;
    }

    /** Moves the campaign from one of {@code from} to {@code to}; false when it was in none of them. */
    public boolean move(long id, List<String> from, String to, String reason, Instant now) {
        String marks = String.join(",", java.util.Collections.nCopies(from.size(), "?"));
        Object[] args = new Object[5 + from.size()];
        args[0] = to;
        args[1] = reason;
        args[2] = db(now);
        args[3] = db("FINISHED".equals(to) || "CANCELLED".equals(to) ? now : null);
        args[4] = id;
        for (int i = 0; i < from.size(); i++) {
            args[5 + i] = from.get(i);
        }
        return jdbc.update("update campaign set state = ?, state_reason = ?, updated_at = ?,"
                + " finished_at = coalesce(finished_at, ?) where id = ? and state in (" + marks + ")", args) == 1;
    }

    public void started(long id, int skipped, Instant now) {
        jdbc.update("update campaign set state = 'RUNNING', skipped = ?, started_at = coalesce(started_at, ?),"
                + " updated_at = ? where id = ?", skipped, db(now), db(now), id);
    }

    public void noteReason(long id, String reason) {
        jdbc.update("update campaign set state_reason = ? where id = ?", reason, id);
    }

    public void delete(long id) {
        jdbc.update("delete from campaign where id = ?", id);
    }
}
