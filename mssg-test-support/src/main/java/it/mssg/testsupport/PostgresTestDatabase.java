package it.mssg.testsupport;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * With {@code -Dmssg.test.db=postgresql}, a fresh database {@code mssg_it_<random>} on the PostgreSQL server that
 * {@code .ci/run} starts ({@code mssg.test.pg.url}, default {@code jdbc:postgresql://localhost:5432/}, role
 * {@code mssg}/{@code mssg} with CREATEDB). Without it nothing changes.
 *
 * <p>Registered as an {@link EnvironmentPostProcessor} in a module's test resources ({@code META-INF/spring.factories}),
 * every Spring Boot context of that module's tests gets its own database without any test class asking. The settings
 * go first among the property sources, above a test's properties and command-line arguments, so a test that names its
 * own H2 database runs on PostgreSQL too; only a {@code @DynamicPropertySource} (added later) still wins, so tests keep
 * {@code spring.datasource.*} out of theirs. mssg-core's {@code TestDatabase} calls {@link #freshDatabase()} itself.
 */
public final class PostgresTestDatabase implements EnvironmentPostProcessor {

    public static boolean enabled() {
        return "postgresql".equalsIgnoreCase(System.getProperty("mssg.test.db", "h2"));
    }

    /** spring.datasource.* of a new, empty database on the test server. */
    public static Map<String, String> freshDatabase() {
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

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (enabled()) {
            environment.getPropertySources().addFirst(new MapPropertySource("mssgTestPostgres", Map.copyOf(freshDatabase())));
        }
    }
}
