package it.mssg.web.data;

import it.mssg.core.api.Acknowledgement;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.SettingsApi;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaMessage;
import it.mssg.web.security.AccessToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app (every module's migrations and stores) on H2, or on PostgreSQL with
 * {@code -Dmssg.test.db=postgresql}, driven over HTTP like a person would: export, back up, a wrong
 * confirmation, then delete everything — after which no file in the data folder holds a marker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mssg.whatsapp.autostart=false", "mssg.data.backup-every=0s"})
@DirtiesContext
class DataOwnershipAppIT {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-data-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("mssg.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort int port;
    @Autowired AccessToken token;
    @Autowired SettingsApi settings;
    @Autowired ContactCommands contacts;
    @Autowired InboundEvents inbound;
    @Value("${mssg.core.terms-version:2026-11}") String termsVersion;
    @Value("${spring.datasource.url}") String databaseUrl;
    @Value("${spring.datasource.username}") String databaseUser;
    @Value("${spring.datasource.password}") String databasePassword;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String marker = "mk" + UUID.randomUUID().toString().replace("-", "");
    String csrf;

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", "mssg_token=" + token.value());
    }

    HttpResponse<String> page(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">").matcher(r.body());
        if (m.find()) csrf = m.group(1);
        r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("mssg_csrf=")).findFirst()
                .ifPresent(c -> csrfCookie = c.split(";", 2)[0]);
        return r;
    }

    String csrfCookie = "";

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(request(path).header("Cookie", "mssg_token=" + token.value() + "; " + csrfCookie)
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void exportBackupThenDeleteEverything() throws Exception {
        settings.acknowledge(new Acknowledgement(true, true, true, termsVersion));
        for (int i = 0; i < 5; i++) {
            contacts.create(new NewContact("+39333200000" + i, "Name " + marker + " " + i, "notes " + marker,
                    Map.of("city", "c-" + marker), Set.of()));
        }
        String wa = "393339990001@c.us";
        inbound.contactsSynced(List.of(new WaContact(wa, "Wa " + marker, "push " + marker, false, true, List.of())));
        inbound.chatsSynced(List.of(new WaChat(wa, "Chat " + marker, false, 0, Instant.now(), List.of())));
        List<WaMessage> messages = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            messages.add(new WaMessage("false_" + wa + "_X" + i, wa, null, false, "text " + marker + " " + i, "chat",
                    Instant.now().minusSeconds(100 - i), 0));
        }
        inbound.messagesReceived(messages);

        // health without a token
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");

        assertThat(page("/settings").body()).contains("/settings/data");
        HttpResponse<String> data = page("/settings/data");
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.body()).contains("Delete everything");

        // export: the zip holds every contact and every message
        HttpResponse<byte[]> zip = http.send(request("/settings/data/export").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains("mssg-export-");
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 5; i++) assertThat(entries.get("contacts.csv")).contains("+39333200000" + i).contains("Name " + marker + " " + i);
        for (int i = 0; i < 7; i++) assertThat(entries.get("tables/message.json")).contains("text " + marker + " " + i);
        assertThat(entries).containsKeys("tables/agent_knowledge_entry.json", "tables/campaign.json", "tables/setting.csv");

        // backup on demand (H2), or the PostgreSQL advice
        HttpResponse<String> backup = post("/settings/data/backups", "");
        assertThat(backup.statusCode()).isEqualTo(302);
        boolean postgres = databaseUrl.startsWith("jdbc:postgresql:");
        if (postgres) {
            assertThat(page("/settings/data").body()).contains("pg_dump");
        } else {
            try (Stream<Path> files = Files.list(DATA_DIR.resolve("backups"))) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("mssg-backup-\\d{8}T\\d{6}Z\\.zip"));
            }
        }

        // plant what the other parts keep in the data folder
        Files.createDirectories(DATA_DIR.resolve("browser/Default"));
        Files.writeString(DATA_DIR.resolve("browser/Default/Cookies"), "cookie " + marker);
        Files.createDirectories(DATA_DIR.resolve("logs"));
        Files.writeString(DATA_DIR.resolve("logs/mssg.log"), "line " + marker);

        page("/settings/data");
        HttpResponse<String> wrong = post("/settings/data/delete", "confirmation=delete");
        assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/settings/data");
        assertThat(page("/contacts").statusCode()).isEqualTo(200);
        assertThat(DATA_DIR.resolve("access-token")).exists();

        HttpResponse<String> done = post("/settings/data/delete", "confirmation=" + URLEncoder.encode("DELETE", StandardCharsets.UTF_8));
        assertThat(done.statusCode()).isEqualTo(302);
        HttpResponse<String> after = page("/");
        assertThat(after.statusCode()).isEqualTo(503);
        assertThat(after.body()).contains("Restart mssg to begin again");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);

        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(new String(needle, StandardCharsets.ISO_8859_1));
            }
        }
        for (String gone : List.of("db", "browser", "access-token", "backups", "logs")) assertThat(DATA_DIR.resolve(gone)).doesNotExist();
        if (postgres) {
            try (Connection c = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
                 ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
                assertThat(rs.next()).as("no table is left in the PostgreSQL database").isFalse();
            }
        }
    }
}
