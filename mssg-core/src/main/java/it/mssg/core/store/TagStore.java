package it.mssg.core.store;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.TagChoice;
import it.mssg.core.api.TagView;
import it.mssg.core.domain.TagPalette;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static it.mssg.core.store.Times.db;

/** Tags and their contact counts. Callers hold the transaction. */
@Repository
public class TagStore {

    private final JdbcTemplate jdbc;
    private final ContactIndex index;

    TagStore(JdbcTemplate jdbc, ContactIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    private static final String LIST = "select t.id, t.name, t.color,"
            + " (select count(*) from contact_tag ct where ct.tag_id = t.id) as n from tag t";

    private static final RowMapper<TagView> VIEW = (rs, i) -> new TagView(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getLong(4));

    public List<TagView> list() {
        return jdbc.query(LIST + " order by t.name_key", VIEW);
    }

    public List<TagChoice> choices() {
        return jdbc.query("select id, name, color from tag order by name_key",
                (rs, i) -> new TagChoice(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    public TagView get(long id) {
        return jdbc.query(LIST + " where t.id = ?", VIEW, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("tag", id));
    }

    public Optional<TagView> findByName(String name) {
        return jdbc.query(LIST + " where t.name_key = ?", VIEW, name.strip().toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    /** @param name already validated by TagRules */
    public TagView create(String name, String color, Instant now) {
        String nameKey = name.toLowerCase(Locale.ROOT);
        if (idByNameKey(nameKey).isPresent()) {
            // named as stored: "ISTANBUL" clashes with the tag the user sees as "istanbul"
            String stored = jdbc.queryForObject("select name from tag where name_key = ?", String.class, nameKey);
            throw new ConflictException("name", "a tag named \"" + stored + "\" exists already (names ignore case)");
        }
        String c = color == null ? TagPalette.forName(name) : color;
        long id = Sql.insertReturningId(jdbc, "insert into tag (name, name_key, color, created_at) values (?, ?, ?, ?)",
                name, nameKey, c, db(now));
        return new TagView(id, name, c, 0);
    }

    public TagView rename(long id, String name) {
        requireTag(id);
        String nameKey = name.toLowerCase(Locale.ROOT);
        jdbc.query("select name from tag where name_key = ? and id <> ?", (rs, i) -> rs.getString(1), nameKey, id)
                .stream().findFirst().ifPresent(other -> {
                    throw new ConflictException("name", "a tag named \"" + other + "\" exists already (names ignore case)");
                });
        jdbc.update("update tag set name = ?, name_key = ? where id = ?", name, nameKey, id);
        return get(id);
    }

    public TagView recolor(long id, String color) {
        requireTag(id);
        jdbc.update("update tag set color = ? where id = ?", color, id);
        return get(id);
    }

    private Optional<Long> idByNameKey(String nameKey) {
        return jdbc.queryForList("select id from tag where name_key = ?", Long.class, nameKey).stream().findFirst();
    }

    private void requireTag(long id) {
        if (jdbc.queryForList("select id from tag where id = ?", Long.class, id).isEmpty()) {
            throw new NotFoundException("tag", id);
        }
    }

    /** Tags no contact has and that are not WhatsApp labels: id → name in lower case. */
    public java.util.Map<Long, String> unusedNotLabels() {
        java.util.Map<Long, String> out = new java.util.LinkedHashMap<>();
        jdbc.query("select t.id, t.name_key from tag t where t.wa_label_id is null"
                + " and not exists (select 1 from contact_tag x where x.tag_id = t.id) order by t.id",
                rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** Deletes tags that carry no contact (the caller chose them); @return how many went */
    public int deleteUnused(java.util.Collection<Long> ids) {
        int n = 0;
        for (List<Long> chunk : Sql.chunks(ids, Sql.CHUNK)) {
            n += jdbc.update("delete from tag where id in (" + Sql.marks(chunk.size()) + ") and not exists"
                    + " (select 1 from contact_tag x where x.tag_id = tag.id)", chunk.toArray());
        }
        return n;
    }

    /** @return how many contacts carried the tag */
    public int delete(long id) {
        requireTag(id);
        index.changed(jdbc.queryForList("select contact_id from contact_tag where tag_id = ?", Long.class, id));
        int n = jdbc.update("delete from contact_tag where tag_id = ?", id);
        jdbc.update("delete from tag where id = ?", id);
        return n;
    }
}
