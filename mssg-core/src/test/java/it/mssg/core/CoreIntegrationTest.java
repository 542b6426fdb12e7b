package it.mssg.core;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of core's integration tests: the real Flyway migrations on an H2 FILE database in a temporary
 * directory (as in the app), or on PostgreSQL. The stores' SQL runs against the schema they make; nothing checks it
 * at start, so every statement is checked by the tests that run it. One context for all.
 */
@SpringBootTest(classes = CoreTestApplication.class)
public abstract class CoreIntegrationTest {

    protected static final Path DATA_DIR;

    private static final java.util.Map<String, String> DATABASE;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-core-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DATABASE = TestDatabase.fresh(DATA_DIR);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("mssg.data-dir", DATA_DIR::toString);
        // H2 file database, or a fresh PostgreSQL database with -Dmssg.test.db=postgresql
        DATABASE.forEach((k, v) -> r.add(k, () -> v));
        r.add("spring.flyway.locations", () -> "classpath:db/migration/core");
        r.add("mssg.core.default-region", () -> "IT");
    }

    @Autowired
    protected JdbcTemplate jdbc;

    /** Every test starts from empty tables (all of them, whoever's migration made them). */
    @BeforeEach
    void emptyTables() {
        var tables = jdbc.queryForList("select table_name from information_schema.tables where lower(table_schema) = 'public'"
                + " and table_type = 'BASE TABLE' and lower(table_name) <> 'flyway_schema_history'", String.class);
        if (TestDatabase.postgres()) {
            if (!tables.isEmpty()) {
                jdbc.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
            }
            return;
        }
        jdbc.execute("set referential_integrity false");
        try {
            tables.forEach(t -> jdbc.execute("truncate table \"" + t + "\" restart identity"));
        } finally {
            jdbc.execute("set referential_integrity true");
        }
    }
}
