package it.mssg.agent;

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
 * With {@code -Dmssg.test.db=postgresql}, every Spring Boot context this module's tests start gets a fresh database
 * of its own, {@code mssg_it_<random>}, on the PostgreSQL server that {@code .ci/run} starts ({@code mssg.test.pg.url},
 * default {@code jdbc:postgresql://localhost:5432/}, role {@code mssg}/{@code mssg} with CREATEDB). Without it nothing
 * changes. Registered in the test resources' {@code META-INF/spring.factories}, so no test class asks for it.
 *
 * <p>The settings go first among the property sources, above a test's properties and command-line arguments, so a
 * test that names its own H2 database runs on PostgreSQL too; only a {@code @DynamicPropertySource} (added later)
 * still wins, so tests keep {@code spring.datasource.*} out of theirs. Each module keeps its own copy of this class
 * (as mssg-core has {@code TestDatabase}) because the modules share no test code.
 */
final class PostgresTestDatabase implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"postgresql".equalsIgnoreCase(System.getProperty("mssg.test.db", "h2"))) {
            return;
        }
        String server = System.getProperty("mssg.test.pg.url", "jdbc:postgresql://localhost:5432/");
        String user = System.getProperty("mssg.test.pg.user", "mssg");
        String password = System.getProperty("mssg.test.pg.password", "mssg");
        String name = "mssg_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password)) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a PostgreSQL test database on " + server, e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("mssgTestPostgres", Map.of(
                "spring.datasource.url", server + name,
                "spring.datasource.username", user,
                "spring.datasource.password", password)));
    }
}
