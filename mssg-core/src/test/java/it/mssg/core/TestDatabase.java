package it.mssg.core;

import it.mssg.testsupport.PostgresTestDatabase;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database an integration test context gets: an H2 file database in the test's data folder, or, with
 * {@code -Dmssg.test.db=postgresql}, a fresh database of its own on the PostgreSQL server that {@code .ci/run}
 * starts ({@code mssg.test.pg.url}, default {@code jdbc:postgresql://localhost:5432/}, role {@code mssg}/{@code mssg}
 * with CREATEDB).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgres() {
        return PostgresTestDatabase.enabled();
    }

    /** spring.datasource.* for a new, empty database. */
    public static Map<String, String> fresh(Path dataDir) {
        Map<String, String> p = new LinkedHashMap<>();
        if (postgres()) {
            p.putAll(PostgresTestDatabase.freshDatabase());
        } else {
            // the app's settings (mssg-web's application.yml): a test on H2 runs with the database the app runs with
            p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("db/mssg") + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64");
            p.put("spring.datasource.username", "mssg");
            p.put("spring.datasource.password", "");
        }
        return p;
    }
}
