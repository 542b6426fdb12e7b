package it.mssg.web.e2e;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started with {@code java -jar} and its build-time bean graph ({@code -Dspring.aot.enabled=true}), as
 * {@code ./mssg} starts it, in simulator mode (the build's bean graph was made in live mode): Playwright must
 * find its driver inside the Spring Boot jar and the session must reach READY.
 */
class PackagedJarIT {

    @Test
    void theJarReachesReadyInSimulatorMode() throws Exception {
        Path jar = packagedJar();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .as("the jar must carry Playwright and its driver for the bridge; a test-scoped playwright dependency in "
                            + "mssg-web/pom.xml overrides the bridge's compile dependency and leaves them out (use runtime scope)")
                    .anyMatch(name -> name.startsWith("BOOT-INF/lib/playwright-"))
                    .anyMatch(name -> name.startsWith("BOOT-INF/lib/driver-bundle-"));
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .as("no JPA in the app: with Hibernate or Spring Data on the class path Spring Boot builds a persistence unit "
                            + "and repositories at every start (the largest share of it), even with no entity to map")
                    .noneMatch(name -> name.startsWith("BOOT-INF/lib/hibernate-core-")
                            || name.startsWith("BOOT-INF/lib/jakarta.persistence-api-")
                            || name.startsWith("BOOT-INF/lib/spring-data-"));
        }
        Path dataDir = Files.createTempDirectory("mssg-jar-");
        int appPort = SimulatorControl.freePort();
        int simulatorPort = SimulatorControl.freePort();
        Path log = dataDir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-Dspring.aot.enabled=true", "-jar", jar.toString(),
                "--server.port=" + appPort, "--mssg.data-dir=" + dataDir, "--mssg.whatsapp.mode=simulator",
                "--mssg.simulator.port=" + simulatorPort, "--mssg.browser.executable=" + SimulatorControl.chromium()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process app = builder.start();
        try {
            Path tokenFile = dataDir.resolve("access-token");
            SimulatorControl.await(() -> Files.exists(tokenFile) && app.isAlive() && listening(appPort), Duration.ofSeconds(300),
                    () -> "the app to start; log:\n" + tail(log));
            String token = Files.readString(tokenFile).strip();
            ApiTerms.accept("http://127.0.0.1:" + appPort, token);

            SimulatorControl simulator = new SimulatorControl(simulatorPort);
            simulator.scanWhenShown(Duration.ofSeconds(180));
            HttpClient http = HttpClient.newHttpClient();
            SimulatorControl.await(() -> session(http, appPort, token).contains("\"state\":\"READY\""), Duration.ofSeconds(180),
                    () -> "READY; session " + session(http, appPort, token) + "\nlog:\n" + tail(log));
            assertThat(Files.readString(log)).doesNotContain("Failed to create driver", "Exception in thread \"mssg-playwright\"");

            // A figure for docs/BENCHMARKS.md, not an assertion: the app's own CPU while READY and idle.
            Thread.sleep(5000);
            java.time.Duration cpuBefore = app.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
            Thread.sleep(20_000);
            java.time.Duration cpuAfter = app.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
            String figure = String.format(java.util.Locale.ROOT, "idle CPU of the app JVM in READY (simulator): %.2f %% of a core%n",
                    (cpuAfter.minus(cpuBefore).toNanos() / 20e9) * 100);
            Path out = Path.of(PackagedJarIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().resolve("benchmarks");
            Files.createDirectories(out);
            Files.writeString(out.resolve("app-idle-cpu.txt"), figure);
            System.out.print(figure);
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.descendants().forEach(ProcessHandle::destroyForcibly);
                app.destroyForcibly();
            }
        }
        assertThat(app.descendants().filter(ProcessHandle::isAlive).count()).as("no Chromium left behind").isZero();
    }

    /** target/mssg.jar next to this module's test classes (whatever the build's output folder is called). */
    private static Path packagedJar() throws Exception {
        Path testClasses = Path.of(PackagedJarIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = testClasses.getParent().resolve("mssg.jar");
        assertThat(jar).as("the packaged jar, built before failsafe runs").exists();
        return jar;
    }

    private static boolean listening(int port) {
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String session(HttpClient http, int port, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(File.separator.equals("/") ? "\n" : "\r\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
