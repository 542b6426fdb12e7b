package it.mssg.web.data;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of docker/ without a Docker engine: the compose file parses and publishes the dashboard
 * on the host's 127.0.0.1 only, keeps the data on a named volume, checks health on the token-free /healthz and
 * has a postgres profile; the Dockerfile builds with the wrapper and runs Debian's Chromium as a plain user.
 */
class DockerFilesTest {

    static final Path DOCKER = Path.of("..", "docker");

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void composePublishesOnlyLocalhostAndKeepsDataOnAVolume() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsOnlyKeys("mssg", "postgres");

        Map<String, Object> app = map(services.get("mssg"));
        assertThat(app).doesNotContainKey("profiles");
        assertThat((List<Object>) app.get("ports")).containsExactly("127.0.0.1:8080:8080");
        assertThat((List<Object>) app.get("volumes")).containsExactly("mssg-data:/data");
        assertThat(map(app.get("environment"))).containsEntry("MSSG_DATA_DIR", "/data")
                .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        assertThat(map(app.get("build"))).containsEntry("dockerfile", "docker/Dockerfile").containsEntry("context", "..");
        assertThat(String.valueOf(map(app.get("healthcheck")).get("test"))).contains("http://127.0.0.1:8080/healthz");
        assertThat(map(map(app.get("depends_on")).get("postgres"))).containsEntry("required", false);

        Map<String, Object> pg = map(services.get("postgres"));
        assertThat((List<Object>) pg.get("profiles")).containsExactly("postgres");
        assertThat(pg).doesNotContainKey("ports");
        assertThat(String.valueOf(pg.get("image"))).startsWith("postgres:15");
        assertThat(map(compose.get("volumes"))).containsKeys("mssg-data", "mssg-postgres");
    }

    @Test
    void thePostgresEnvFileSwitchesProfileAndDatabase() throws IOException {
        List<String> lines = Files.readAllLines(DOCKER.resolve("postgres.env"));
        assertThat(lines).contains("COMPOSE_PROFILES=postgres", "MSSG_DB_URL=jdbc:postgresql://postgres:5432/mssg");
    }

    @Test
    void dockerfileBuildsWithTheWrapperAndRunsChromiumAsAPlainUser() throws IOException {
        String file = Files.readString(DOCKER.resolve("Dockerfile"));
        List<String> from = file.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSize(3);
        assertThat(from.get(0)).contains("17-jdk").contains(" AS build");
        // the app runs on a Java 25 runtime copied into the Debian stage, started from an AOT cache made at build
        assertThat(from.get(1)).isEqualTo("FROM eclipse-temurin:25-jre AS jre");
        assertThat(from.get(2)).startsWith("FROM debian:");
        assertThat(from).noneMatch(l -> l.contains(":latest"));
        assertThat(file).contains("COPY --from=jre /opt/java/openjdk /opt/java/openjdk")
                .contains("-XX:AOTCacheOutput=/opt/mssg/app/mssg.aot").contains("-XX:AOTCache=/opt/mssg/app/mssg.aot")
                .doesNotContain("openjdk-17-jre-headless");
        assertThat(file).contains("./mvnw -B").contains(" chromium ")
                .contains("--no-install-recommends").contains("rm -rf /var/lib/apt/lists/*")
                .contains("MSSG_DATA_DIR=/data").contains("SERVER_ADDRESS=0.0.0.0")
                .contains("HEALTHCHECK").contains("/healthz");
        List<String> users = file.lines().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).containsExactly("USER mssg");
        // every module the parent pom lists is in the build context
        String pom = Files.readString(Path.of("..", "pom.xml"));
        for (String module : pom.split("<module>")) {
            int end = module.indexOf("</module>");
            if (end > 0) assertThat(file).contains("COPY " + module.substring(0, end) + "/ ");
        }
    }
}
