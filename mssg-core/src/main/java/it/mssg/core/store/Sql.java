package it.mssg.core.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small helpers for portable JDBC (H2 and PostgreSQL). */
final class Sql {

    static final int CHUNK = 500;

    private Sql() {
    }

    static <T> List<List<T>> chunks(Collection<T> items, int size) {
        List<T> all = items instanceof List<T> l ? l : new ArrayList<>(items);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    /** Rows per multi-row insert: few enough parameters for PostgreSQL (at most 32,767) with eight columns. */
    static final int ROWS_PER_INSERT = 500;

    /**
     * Inserts {@code rows} with multi-row {@code values} lists, {@link #ROWS_PER_INSERT} rows a statement. H2 runs a
     * JDBC batch row by row, each with its own command; one statement for many rows costs about a quarter less per
     * row there; PostgreSQL takes the same statement. {@code head} is {@code insert into t (a, b, c)}; every row has
     * {@code columns} values.
     */
    static void insertRows(org.springframework.jdbc.core.JdbcTemplate jdbc, String head, int columns, List<Object[]> rows) {
        String group = "(" + marks(columns) + ")";
        for (List<Object[]> chunk : chunks(rows, ROWS_PER_INSERT)) {
            Object[] args = flatten(chunk, columns);
            jdbc.update(head + " values " + String.join(",", java.util.Collections.nCopies(chunk.size(), group)),
                    ps -> bind(ps, args));
        }
    }

    /**
     * Binds values by their Java type, as JdbcTemplate's own binding does for the types used here, without its
     * per-value type guessing and clean-up pass (about a tenth of an import's CPU at 4,000 values a statement). A null
     * is bound untyped: both databases take the column's type from the insert.
     */
    private static void bind(java.sql.PreparedStatement ps, Object[] args) throws java.sql.SQLException {
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            int p = i + 1;
            if (v == null) ps.setNull(p, java.sql.Types.NULL);
            else if (v instanceof String s) ps.setString(p, s);
            else if (v instanceof Long l) ps.setLong(p, l);
            else if (v instanceof Integer n) ps.setInt(p, n);
            else if (v instanceof Boolean b) ps.setBoolean(p, b);
            else if (v instanceof java.sql.Timestamp t) ps.setTimestamp(p, t);
            else ps.setObject(p, v);
        }
    }

    /**
     * Runs {@code insert} (a plain {@code insert into t (...) values (...)} into a table with a unique key) unless a
     * row with the same key is there, committed or not yet: then it waits for that row's transaction and inserts
     * nothing. PostgreSQL says so with {@code on conflict do nothing}. H2 has that clause only in its compatibility
     * modes, and neither its {@code merge} nor {@code insert ... where not exists} holds against another
     * transaction's uncommitted row (both fail with a duplicate key once that row commits: tried on H2 2.4.240);
     * there the duplicate key is the answer, and H2 undoes only the failed statement, not the transaction.
     *
     * @return 1 if the row was inserted, 0 if its key was taken
     */
    static int insertIfAbsent(JdbcTemplate jdbc, boolean postgres, String insert, Object... args) {
        if (postgres) {
            return jdbc.update(insert + " on conflict do nothing", args);
        }
        try {
            return jdbc.update(insert, args);
        } catch (DuplicateKeyException taken) {
            return 0;
        }
    }

    /** The values of {@code rows} one after another, each row checked to have {@code columns} values. */
    private static Object[] flatten(List<Object[]> rows, int columns) {
        Object[] args = new Object[rows.size() * columns];
        int i = 0;
        for (Object[] row : rows) {
            if (row.length != columns) throw new IllegalArgumentException("a row has " + row.length + " values, not " + columns);
            System.arraycopy(row, 0, args, i, columns);
            i += columns;
        }
        return args;
    }

    /**
     * {@link #insertRows} by {@link #insertIfAbsent}'s rule: a row whose unique key is taken (committed, or written
     * by another transaction, which is waited for) is left out. PostgreSQL: the same multi-row statements with
     * {@code on conflict do nothing}. H2: the multi-row statement, and only when it fails on a duplicate key (H2
     * undoes that statement alone) its rows one by one.
     *
     * @return how many rows were inserted
     */
    static int insertRowsIfAbsent(JdbcTemplate jdbc, boolean postgres, String head, int columns, List<Object[]> rows) {
        String group = "(" + marks(columns) + ")";
        int inserted = 0;
        for (List<Object[]> chunk : chunks(rows, ROWS_PER_INSERT)) {
            Object[] args = flatten(chunk, columns);
            String insert = head + " values " + String.join(",", java.util.Collections.nCopies(chunk.size(), group));
            if (postgres) {
                inserted += jdbc.update(insert + " on conflict do nothing", ps -> bind(ps, args));
                continue;
            }
            try {
                inserted += jdbc.update(insert, ps -> bind(ps, args));
            } catch (DuplicateKeyException taken) {
                for (Object[] row : chunk) {
                    inserted += insertIfAbsent(jdbc, false, head + " values " + group, row);
                }
            }
        }
        return inserted;
    }

    /**
     * {@link #insertIfAbsent} into a table whose {@code id} the database generates: the new row's id, or null when
     * the key was taken and nothing was inserted, so that a caller reads the row back only then.
     */
    static Long insertIfAbsentReturningId(JdbcTemplate jdbc, boolean postgres, String insert, Object... args) {
        Number id;
        try {
            id = generatedId(jdbc, postgres ? insert + " on conflict do nothing" : insert, args);
        } catch (DuplicateKeyException taken) {
            if (postgres) {
                throw taken;
            }
            return null;
        }
        return id == null ? null : id.longValue(); // none when PostgreSQL's "on conflict do nothing" inserted nothing
    }

    /** Runs {@code insert} into a table whose {@code id} the database generates, and gives the new row's id. */
    static long insertReturningId(JdbcTemplate jdbc, String insert, Object... args) {
        return generatedId(jdbc, insert, args).longValue();
    }

    /** Runs {@code insert} and gives the {@code id} the database generated for its row, or null when it wrote none. */
    private static Number generatedId(JdbcTemplate jdbc, String insert, Object... args) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement(insert, new String[]{"id"});
            new org.springframework.jdbc.core.ArgumentPreparedStatementSetter(args).setValues(ps);
            return ps;
        }, keys);
        return keys.getKey();
    }

    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /** Escapes a LIKE pattern for {@code escape '!'}. */
    static String likeContains(String fragment) {
        return "%" + likeStartsWith(fragment);
    }

    /** A LIKE pattern (escape character {@code !}) for texts that start with {@code fragment}. */
    static String likeStartsWith(String fragment) {
        return fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static java.sql.Timestamp ts(java.time.Instant i) {
        return i == null ? null : java.sql.Timestamp.from(i);
    }

    static java.time.Instant instant(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
