package it.mssg.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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
        return "postgresql".equalsIgnoreCase(System.getProperty("mssg.test.db", "h2"));
    }

    /** spring.datasource.* for a new, empty database. */
    public static Map<String, String> fresh(Path dataDir) {
        Map<String, String> p = new LinkedHashMap<>();
        if (postgres()) {
            String server = System.getProperty("mssg.test.pg.url", "jdbc:postgresql://localhost:5432/");
            String user = System.getProperty("mssg.test.pg.user", "mssg");
            String password = System.getProperty("mssg.test.pg.password", "mssg");
            String name = "mssg_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(server + "postgres", user, password)) {
                c.createStatement().execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create a PostgreSQL test database on " + server, e);
            }
            p.put("spring.datasource.url", server + name);
            p.put("spring.datasource.username", user);
            p.put("spring.datasource.password", password);
        } else {
            p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("db/mssg") + ";DB_CLOSE_ON_EXIT=FALSE");
            p.put("spring.datasource.username", "mssg");
            p.put("spring.datasource.password", "");
        }
        return p;
    }
}
