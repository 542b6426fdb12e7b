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

/**
 * Saved texts: message templates (named) and quick replies (by shortcut). Both tables have the same shape,
 * {@code (id, <label>, body, created_at, updated_at)}, and a unique label.
 */
@Repository
public class SnippetStore {

    public enum Kind {
        TEMPLATE("message_template", "name"), QUICK_REPLY("quick_reply", "shortcut");

        final String table;
        final String label;

        Kind(String table, String label) {
            this.table = table;
            this.label = label;
        }
    }

    public record Row(long id, String label, String body, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    SnippetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static RowMapper<Row> mapper(Kind kind) {
        return (rs, n) -> new Row(rs.getLong("id"), rs.getString(kind.label), rs.getString("body"),
                read(rs, "created_at"), read(rs, "updated_at"));
    }

    public List<Row> all(Kind kind) {
        return jdbc.query("select * from " + kind.table + " order by lower(" + kind.label + "), id", mapper(kind));
    }

    public Optional<Row> find(Kind kind, long id) {
        return jdbc.query("select * from " + kind.table + " where id = ?", mapper(kind), id).stream().findFirst();
    }

    /** Another row with this label, ignoring case. */
    public Optional<Row> findByLabel(Kind kind, String label) {
        return jdbc.query("select * from " + kind.table + " where lower(" + kind.label + ") = lower(?)", mapper(kind), label)
                .stream().findFirst();
    }

    public long insert(Kind kind, String label, String body, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into " + kind.table + " (" + kind.label
                    + ", body, created_at, updated_at) values (?,?,?,?)", new String[]{"id"});
            ps.setString(1, label);
            ps.setString(2, body);
            ps.setObject(3, db(now));
            ps.setObject(4, db(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public boolean update(Kind kind, long id, String label, String body, Instant now) {
        return jdbc.update("update " + kind.table + " set " + kind.label + " = ?, body = ?, updated_at = ? where id = ?",
                label, body, db(now), id) == 1;
    }

    public boolean delete(Kind kind, long id) {
        return jdbc.update("delete from " + kind.table + " where id = ?", id) == 1;
    }
}
