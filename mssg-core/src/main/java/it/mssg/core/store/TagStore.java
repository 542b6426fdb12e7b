package it.mssg.core.store;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.TagChoice;
import it.mssg.core.api.TagView;
import it.mssg.core.domain.TagPalette;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Tags and their contact counts. Callers hold the transaction. */
@Repository
public class TagStore {

    private final TagRepository tags;
    private final JdbcTemplate jdbc;

    private final ContactIndex index;

    TagStore(TagRepository tags, JdbcTemplate jdbc, ContactIndex index) {
        this.tags = tags;
        this.jdbc = jdbc;
        this.index = index;
    }

    private static final String LIST = "select t.id, t.name, t.color,"
            + " (select count(*) from contact_tag ct where ct.tag_id = t.id) as n from tag t";

    public List<TagView> list() {
        return jdbc.query(LIST + " order by t.name_key", (rs, i) -> new TagView(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4)));
    }

    public List<TagChoice> choices() {
        return jdbc.query("select id, name, color from tag order by name_key",
                (rs, i) -> new TagChoice(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    public TagView get(long id) {
        return jdbc.query(LIST + " where t.id = ?", (rs, i) -> new TagView(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4)), id).stream().findFirst().orElseThrow(() -> new NotFoundException("tag", id));
    }

    public Optional<TagView> findByName(String name) {
        return tags.findByNameKey(name.strip().toLowerCase(Locale.ROOT)).map(t -> get(t.id));
    }

    /** @param name already validated by TagRules */
    public TagView create(String name, String color, Instant now) {
        if (tags.findByNameKey(name.toLowerCase(Locale.ROOT)).isPresent()) {
            throw new ConflictException("name", "a tag named \"" + name + "\" exists already");
        }
        TagEntity t = tags.saveAndFlush(new TagEntity(name, color == null ? TagPalette.forName(name) : color, now));
        return new TagView(t.id, t.name, t.color, 0);
    }

    public TagView rename(long id, String name) {
        TagEntity t = tags.findById(id).orElseThrow(() -> new NotFoundException("tag", id));
        tags.findByNameKey(name.toLowerCase(Locale.ROOT)).filter(other -> !other.id.equals(t.id)).ifPresent(other -> {
            throw new ConflictException("name", "a tag named \"" + other.name + "\" exists already");
        });
        t.rename(name);
        tags.flush();
        return get(id);
    }

    public TagView recolor(long id, String color) {
        TagEntity t = tags.findById(id).orElseThrow(() -> new NotFoundException("tag", id));
        t.color = color;
        tags.flush();
        return get(id);
    }

    /** @return how many contacts carried the tag */
    public int delete(long id) {
        if (!tags.existsById(id)) throw new NotFoundException("tag", id);
        index.changed(jdbc.queryForList("select contact_id from contact_tag where tag_id = ?", Long.class, id));
        int n = jdbc.update("delete from contact_tag where tag_id = ?", id);
        jdbc.update("delete from tag where id = ?", id);
        return n;
    }
}
