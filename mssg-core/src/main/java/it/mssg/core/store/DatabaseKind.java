package it.mssg.core.store;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which of mssg's two databases this is (PostgreSQL, else H2), asked once: a few statements are written per database. */
@Component
class DatabaseKind {

    private final JdbcTemplate jdbc;
    /** null until first asked */
    private volatile Boolean postgres;

    DatabaseKind(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            p = "PostgreSQL".equalsIgnoreCase(product);
            postgres = p;
        }
        return p;
    }
}
