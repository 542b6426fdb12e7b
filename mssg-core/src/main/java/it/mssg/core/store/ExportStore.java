package it.mssg.core.store;

import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Streams contacts for export in id order, a thousand at a time (bounded memory at any size). */
@Repository
public class ExportStore {

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;

    ExportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ExportRow(long id, String phone, String displayName, String pushName, String waId, boolean business,
                            boolean optedOut, ContactSource source, String notes, List<String> tags,
                            Map<String, String> fields) {
    }

    /** Custom field names in use, sorted ignoring case (the export's extra columns). */
    public List<String> fieldKeys() {
        TreeMap<String, String> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        jdbc.query("select distinct field_key from contact_field", rs -> {
            keys.putIfAbsent(rs.getString(1), rs.getString(1));
        });
        return new ArrayList<>(keys.values());
    }

    public long forEach(ContactFilter filter, Consumer<ExportRow> sink) {
        ContactStore.Where w = ContactStore.where(filter);
        long after = -1;
        long n = 0;
        while (true) {
            List<Object> args = new ArrayList<>(w.args());
            args.add(after);
            args.add(PAGE);
            List<ExportRow> base = jdbc.query("select c.id, c.phone_e164, c.display_name, c.push_name, c.wa_id, c.business,"
                            + " c.opted_out, c.source, c.notes from contact c" + w.sql() + " and c.id > ? order by c.id limit ?",
                    (rs, i) -> new ExportRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getBoolean(6), rs.getBoolean(7), ContactSource.valueOf(rs.getString(8)), rs.getString(9),
                            new ArrayList<>(), new HashMap<>()),
                    args.toArray());
            if (base.isEmpty()) return n;
            long lo = base.get(0).id(), hi = base.get(base.size() - 1).id();
            Map<Long, ExportRow> byId = new HashMap<>();
            base.forEach(r -> byId.put(r.id(), r));
            jdbc.query("select ct.contact_id, t.name from contact_tag ct join tag t on t.id = ct.tag_id"
                    + " where ct.contact_id between ? and ? order by t.name_key", rs -> {
                ExportRow r = byId.get(rs.getLong(1));
                if (r != null) r.tags().add(rs.getString(2));
            }, lo, hi);
            jdbc.query("select contact_id, field_key, field_value from contact_field where contact_id between ? and ?", rs -> {
                ExportRow r = byId.get(rs.getLong(1));
                if (r != null) r.fields().put(rs.getString(2), rs.getString(3));
            }, lo, hi);
            for (ExportRow r : base) {
                sink.accept(r);
                n++;
            }
            after = hi;
        }
    }
}
