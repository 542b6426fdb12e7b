package it.mssg.web.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * With {@code -Dmssg.test.db=postgresql}: a fresh database on the PostgreSQL server {@code .ci/run} starts
 * ({@code mssg.test.pg.url}, role {@code mssg}/{@code mssg} with CREATEDB), as spring.datasource.* settings.
 */
final class PostgresForTests {

    private PostgresForTests() {
    }

    static boolean enabled() {
        return "postgresql".equalsIgnoreCase(System.getProperty("mssg.test.db", "h2"));
    }

    static Map<String, String> freshDatabase() {
        String server = System.getProperty("mssg.test.pg.url", "jdbc:postgresql://localhost:5432/");
        String user = System.getProperty("mssg.test.pg.user", "mssg");
        String password = System.getProperty("mssg.test.pg.password", "mssg");
        String name = "mssg_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password)) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a PostgreSQL test database on " + server, e);
        }
        return Map.of("spring.datasource.url", server + name, "spring.datasource.username", user,
                "spring.datasource.password", password);
    }
}
