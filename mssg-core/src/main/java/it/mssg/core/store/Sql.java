package it.mssg.core.store;

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

    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /** Escapes a LIKE pattern for {@code escape '!'}. */
    static String likeContains(String fragment) {
        return "%" + fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static java.sql.Timestamp ts(java.time.Instant i) {
        return i == null ? null : java.sql.Timestamp.from(i);
    }

    static java.time.Instant instant(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
