package it.mssg.web.data;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import it.mssg.agent.api.AgentHealth;
import it.mssg.core.api.Acknowledgement;
import it.mssg.core.api.SessionControl;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SettingsApi;
import it.mssg.licensing.api.Licensing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The canary: a unique marker written into a chat on the simulator reaches the database (and the WhatsApp
 * page, which is where it came from) and nothing else — not the INFO log, not the agent's health counters,
 * not the licence server, and not any request the JVM makes. Every URI the JVM's HTTP clients connect to is
 * recorded through the default {@link ProxySelector}; the test's own clients bypass it (NO_PROXY).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mssg.whatsapp.mode=simulator",
        "mssg.whatsapp.autostart=true",
        "mssg.whatsapp.typing-min=50ms",
        "mssg.whatsapp.typing-max=200ms",
        "mssg.data.backup-every=0s",
        "server.shutdown=immediate"})
class CanaryIT {

    static final Path DATA_DIR;
    static final int SIMULATOR_PORT;
    static final HttpServer LICENCE_SERVER;
    static final List<String> LICENCE_REQUESTS = Collections.synchronizedList(new ArrayList<>());
    static final List<URI> JVM_REQUESTS = Collections.synchronizedList(new ArrayList<>());
    static final ProxySelector PREVIOUS = ProxySelector.getDefault();

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-canary-");
            try (ServerSocket s = new ServerSocket(0)) {
                SIMULATOR_PORT = s.getLocalPort();
            }
            LICENCE_SERVER = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LICENCE_SERVER.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                LICENCE_REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders() + " " + body);
                byte[] answer = "{\"error\":\"unknown licence key\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            LICENCE_SERVER.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                JVM_REQUESTS.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("mssg.data-dir", DATA_DIR::toString);
        registry.add("mssg.simulator.port", () -> SIMULATOR_PORT);
        registry.add("mssg.licensing.server-url", () -> "http://127.0.0.1:" + LICENCE_SERVER.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        LICENCE_SERVER.stop(0);
        ProxySelector.setDefault(PREVIOUS);
    }

    @Autowired SettingsApi settings;
    @Autowired SessionControl session;
    @Autowired Licensing licensing;
    @Autowired AgentHealth health;
    @Autowired JdbcTemplate jdbc;
    @Value("${spring.datasource.url}") String databaseUrl;
    @Value("${mssg.core.terms-version:2026-11}") String termsVersion;

    final HttpClient direct = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    final String marker = "canary" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    HttpResponse<String> simulator(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SIMULATOR_PORT + path));
        b = "POST".equals(method) ? b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)) : b.GET();
        return direct.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    @Test
    void aMarkerInAChatReachesTheDatabaseAndNothingElse() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            settings.acknowledge(new Acknowledgement(true, true, true, termsVersion));
            await(() -> {
                try {
                    return simulator("GET", "/control/state", null).body().contains("\"waitingForScan\":true");
                } catch (Exception e) {
                    return false;
                }
            }, 90, "the simulator to show a QR code");
            assertThat(simulator("POST", "/control/scan", "{}").statusCode()).isEqualTo(200);
            await(() -> session.status().state() == SessionState.READY, 90, "the session to be READY");

            // the marker arrives as a message and as a contact's words, and the licence client talks to its server
            assertThat(simulator("POST", "/control/inbound",
                    "{\"from\":\"393330000003\",\"body\":\"hello " + marker + " what are your opening hours?\"}").statusCode())
                    .isEqualTo(200);
            await(() -> jdbc.queryForObject("select count(*) from message where body like ?", Long.class,
                    "%" + marker + "%") > 0, 30, "the marked message in the database");
            try {
                licensing.activate("MSSG-CANARY-KEY");
            } catch (RuntimeException expected) {
                // the fake server knows no key; the request is what counts
            }
            Thread.sleep(2000); // let the agent and any listener finish with the message

            assertThat(LICENCE_REQUESTS).as("the licence client called its server").isNotEmpty();
            assertThat(String.join("\n", LICENCE_REQUESTS)).doesNotContain(marker);
            int licencePort = LICENCE_SERVER.getAddress().getPort();
            // on PostgreSQL the JVM also connects to the database server its settings name (H2 is a file in the data folder)
            String database = databaseUrl.startsWith("jdbc:postgresql:")
                    ? "socket://" + URI.create(databaseUrl.substring("jdbc:".length())).getAuthority() : "";
            assertThat(JVM_REQUESTS.stream().filter(uri -> !uri.toString().equals(database)).toList())
                    .as("the JVM called only the licence server").isNotEmpty()
                    .allSatisfy(uri -> assertThat(uri.getPort()).isEqualTo(licencePort))
                    .noneSatisfy(uri -> assertThat(uri.toString()).contains(marker));
            assertThat(String.valueOf(health.daily(LocalDate.now().minusDays(2), LocalDate.now().plusDays(2))))
                    .doesNotContain(marker);
            List<String> lines = new ArrayList<>();
            for (ILoggingEvent e : new ArrayList<>(logs.list)) {
                if (!e.getLevel().isGreaterOrEqual(Level.INFO)) continue;
                lines.add(e.getFormattedMessage() + " " + e.getMDCPropertyMap());
                for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) lines.add(String.valueOf(t.getMessage()));
            }
            assertThat(logs.list).as("something was logged at INFO meanwhile").isNotEmpty();
            assertThat(lines).noneMatch(l -> l.contains(marker));
        } finally {
            root.detachAppender(logs);
        }
    }
}
