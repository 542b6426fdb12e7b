package it.mssg.web.it;

import it.mssg.web.idle.QuietNioProtocol;
import it.mssg.web.security.AccessToken;
import org.apache.coyote.ProtocolHandler;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole app on an H2 file database in a fresh data folder (or on PostgreSQL, see PostgresTestDatabase), reached over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mssg.whatsapp.autostart=false",
        "spring.servlet.multipart.max-file-size=64KB",
        "spring.servlet.multipart.max-request-size=80KB"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("mssg.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    AccessToken token;

    @Autowired
    ServletWebServerApplicationContext context;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void theDataFolderHoldsTheDatabaseAndAnOwnerOnlyToken() throws Exception {
        Path tokenFile = DATA_DIR.resolve("access-token");
        assertThat(Files.readString(tokenFile).strip()).isEqualTo(token.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        for (Path folder : java.util.List.of(DATA_DIR, DATA_DIR.resolve("db"), DATA_DIR.resolve("backups"), DATA_DIR.resolve("logs"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as(folder.toString()).isEqualTo("rwx------");
        }
        if (databaseUrl.startsWith("jdbc:postgresql:")) {
            return; // -Dmssg.test.db=postgresql: the database lives on the PostgreSQL server, not in the data folder
        }
        assertThat(DATA_DIR.resolve("db")).isDirectory();
        try (var files = Files.list(DATA_DIR.resolve("db"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("mssg") && name.endsWith(".db"));
        }
    }

    @Test
    @Order(2)
    void aForeignHostIsRefused() throws Exception {
        assertThat(rawGet("evil.example")).startsWith("HTTP/1.1 421");
        assertThat(rawGet("localhost:" + port)).startsWith("HTTP/1.1 401");
    }

    @Test
    @Order(3)
    void theDashboardFirstAsksForTheTokenThenForTheFirstRun() throws Exception {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> noToken = browser.get("/contacts");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).contains(DATA_DIR.resolve("access-token").toString());

        HttpResponse<String> link = browser.get("/?token=" + token.value());
        assertThat(link.statusCode()).isEqualTo(303);
        assertThat(link.headers().firstValue("Location")).hasValue("/");
        assertThat(link.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Strict"));

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/welcome");

        HttpResponse<String> welcome = browser.get("/welcome");
        assertThat(welcome.statusCode()).isEqualTo(200);
        String csrfCookie = browser.cookie("mssg_csrf");
        assertThat(csrfCookie).isNotBlank();
        // the token stays the same from request to request, so pages already open keep working
        assertThat(browser.get("/welcome").headers().allValues("Set-Cookie")).isEmpty();
        assertThat(browser.cookie("mssg_csrf")).isEqualTo(csrfCookie);
        assertThat(welcome.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        String version = find(welcome.body(), "name=\"termsVersion\" value=\"([^\"]+)\"");
        // the API waits for the same acceptance, and says where to give it
        HttpResponse<String> apiBefore = bearer("/api/tags");
        assertThat(apiBefore.statusCode()).isEqualTo(403);
        assertThat(apiBefore.body()).contains("Terms not accepted").contains("POST /api/terms").contains("\"termsVersion\":\"" + version + "\"");
        assertThat(bearer("/api/terms").body()).contains("\"accepted\":false");

        assertThat(browser.postForm("/welcome", "terms=true&privacy=true&adult=true&termsVersion=" + version, false)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = browser.postForm("/welcome",
                "terms=true&privacy=true&adult=true&termsVersion=" + version, true);
        assertThat(accepted.statusCode()).isEqualTo(302);
        HttpResponse<String> homeNow = browser.get("/");
        assertThat(homeNow.statusCode()).isEqualTo(200);
        assertThat(homeNow.body()).contains("contacts").contains("WhatsApp");
        assertThat(homeNow.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(bearer("/api/tags").statusCode()).isEqualTo(200);
        assertThat(bearer("/api/terms").body()).contains("\"accepted\":true");
    }

    @Test
    @Order(4)
    void aContactIsAddedByHandThenDeleted() throws Exception {
        HttpSession browser = loggedIn();
        assertThat(browser.get("/contacts").body()).contains("href=\"/contacts/new\"");
        HttpResponse<String> added = browser.postForm("/contacts/new", "phone=%2B39+333+444+5555&displayName=Dora&notes=", true);
        assertThat(added.statusCode()).isEqualTo(302);
        String page = URI.create(added.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(page).matches("/contacts/\\d+");
        assertThat(browser.get(page).body()).contains("Dora").contains("+393334445555").contains("Delete this contact");
        assertThat(browser.postForm("/contacts/new", "phone=0039+333+444+5555&displayName=Again", true).body())
                .contains("exists already").contains("href=\"" + page + "\"");

        assertThat(browser.postForm(page + "/delete", "", false).statusCode()).isEqualTo(403);
        HttpResponse<String> deleted = browser.postForm(page + "/delete", "", true);
        assertThat(URI.create(deleted.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/contacts");
        assertThat(browser.get(page).statusCode()).isEqualTo(404);
        assertThat(bearer("/api/contacts?q=4445555").body()).contains("\"total\":0");
    }

    @Test
    @Order(4)
    void aCsvGoesThroughPreviewAndImportAndIsSearchable() throws Exception {
        HttpSession browser = loggedIn();
        String csv = "\uFEFFphone;name;tags\n+39 333 111 2222;Anna <script>x</script>;vip|friends\n"
                + "0039 333 111 3333;Bruno \u202Eolleh 👋;vip\n\nnot-a-number;Carla;\n+393331112222;Anna again;\n";
        HttpResponse<String> preview = browser.upload("/contacts/import", "people.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("2 ready").contains("1 with errors").contains("1 repeated in the file")
                .contains("Anna &lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
        String commitPath = find(preview.body(), "hx-post=\"(/contacts/import/[^\"]+/commit)\"");
        HttpResponse<String> done = browser.postForm(commitPath, "", true);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("2 new contacts").contains("href=\"/contacts?sort=-created\"");
        HttpResponse<String> newest = browser.get("/contacts?sort=-created");
        assertThat(newest.statusCode()).isEqualTo(200);
        assertThat(newest.body()).contains("+393331113333");

        HttpResponse<String> found = bearer("/api/contacts?q=333%20111%203333");
        assertThat(found.body()).contains("+393331113333").contains("Bruno \u202Eolleh 👋");
        HttpResponse<String> list = browser.get("/contacts?q=anna");
        assertThat(list.body()).contains("Anna &lt;script&gt;").contains("vip");
    }

    @Test
    @Order(4)
    void aFileWithAVeryLongNameIsReadNotRefusedAsTooLarge() throws Exception {
        HttpSession browser = loggedIn();
        String name = "contacts-" + "x".repeat(1_200) + ".csv";
        HttpResponse<String> preview = browser.upload("/contacts/import", name,
                "phone,name\n+39 333 888 0001,Long name\n".getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("1 ready");
    }

    @Test
    @Order(4)
    void aWrongImportIsUndoneAndItsUntouchedContactsAreGone() throws Exception {
        HttpSession browser = loggedIn();
        String csv = "phone,name\n+39 333 777 0001,Wrong one\n+39 333 777 0002,Wrong two\n+39 333 777 0003,Wrong three\n";
        HttpResponse<String> preview = browser.upload("/contacts/import", "wrong-file.csv", csv.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> done = browser.postForm(find(preview.body(), "hx-post=\"(/contacts/import/[^\"]+/commit)\""), "", true);
        String undoPage = find(done.body(), "href=\"(/contacts/imports/\\d+/undo)\"");
        String edited = find(bearer("/api/contacts?q=3337770003").body(), "\"id\":(\\d+)");
        assertThat(browser.postForm("/contacts/" + edited, "displayName=Kept+by+hand&notes=", true).statusCode()).isLessThan(400);

        HttpResponse<String> plan = browser.get(undoPage);
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(plan.body()).contains("Remove the contacts wrong-file.csv added")
                .contains("2 of the 3 contacts it added will be removed").contains("1 kept because they changed since");
        assertThat(bearer("/api/contacts?q=3337770001").body()).as("the page removes nothing").contains("\"total\":1");

        HttpResponse<String> undone = browser.postPlainForm(undoPage, "");
        assertThat(undone.statusCode()).isEqualTo(302);
        assertThat(URI.create(undone.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/contacts/import");
        assertThat(bearer("/api/contacts?q=3337770001").body()).contains("\"total\":0");
        assertThat(bearer("/api/contacts?q=3337770002").body()).contains("\"total\":0");
        assertThat(bearer("/api/contacts?q=3337770003").body()).contains("Kept by hand");
        assertThat(browser.get("/contacts/import").body()).contains("wrong-file.csv").contains("undone: 2 removed");
        assertThat(browser.postPlainForm(undoPage, "").statusCode()).as("a second time removes nothing").isEqualTo(302);
        assertThat(browser.get(undoPage).body()).contains("2 contacts removed").doesNotContain("Remove 1 contacts");
    }

    /** Every link on every screen leads somewhere (a link to a wrong address reads as a broken product). */
    @Test
    @Order(4)
    void everyLinkOnTheScreensLeadsToAPage() throws Exception {
        HttpSession browser = loggedIn();
        java.util.Set<String> links = new java.util.TreeSet<>();
        for (String screen : java.util.List.of("/", "/chats", "/contacts", "/contacts/new", "/contacts/import", "/tags",
                "/campaigns", "/outbox", "/settings/sending", "/agent", "/whatsapp", "/settings", "/licence")) {
            HttpResponse<String> page = browser.get(screen);
            assertThat(page.statusCode()).as(screen).isEqualTo(200);
            Matcher m = Pattern.compile("href=\"(/[^\"#]*)").matcher(page.body());
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                if (!link.startsWith("//") && !link.startsWith("/css/") && !link.startsWith("/js/") && !link.startsWith("/img/")) {
                    links.add(link);
                }
            }
        }
        assertThat(links).contains("/tags", "/contacts/import");
        for (String link : links) {
            HttpResponse<String> target = browser.get(link);
            assertThat(target.statusCode()).as("GET " + link).isIn(200, 302, 303);
        }
    }

    @Test
    @Order(5)
    void anOversizedUploadIsAClearErrorNotA500() throws Exception {
        HttpSession browser = loggedIn();
        byte[] big = ("+39333" + "1".repeat(7) + ",x\n").repeat(10_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = browser.upload("/contacts/import", "big.csv", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("too large");
    }

    @Test
    @Order(6)
    void theRestApiWithBearer() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tags"))
                .header("Authorization", "Bearer " + token.value()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"from api\",\"color\":\"#123abc\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(bearer("/api/tags").body()).contains("from api");
        assertThat(bearer("/api/session").body()).contains("\"state\":");
        HttpResponse<String> openApi = bearer("/api/openapi.json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/contacts/{id}").contains("/api/chats/{id}/messages").contains("/api/session/restart")
                .contains("\"title\":\"mssg REST API\"").contains("\"scheme\":\"bearer\"").contains("/api/terms");
        HttpResponse<String> missing = bearer("/api/contacts/987654");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tags")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void theConnectorWatchesOpenEventStreamsForTheirTimeout() throws Exception {
        ProtocolHandler handler = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProtocolHandler();
        assertThat(handler).isInstanceOf(QuietNioProtocol.class);
        QuietNioProtocol protocol = (QuietNioProtocol) handler;
        assertThat(protocol.getSelectorTimeout()).isEqualTo(5_000);
        HttpSession browser = loggedIn();
        int before = protocol.getWaitingProcessorCount();
        try (Socket stream = new Socket("127.0.0.1", port)) {
            stream.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: "
                    + browser.cookieHeader() + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            stream.getOutputStream().flush();
            String status = new BufferedReader(new InputStreamReader(stream.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 200");
            // the stream is an async request Tomcat asked the protocol to watch: its timeout is checked by our task
            assertThat(protocol.getWaitingProcessorCount()).isEqualTo(before + 1);
            assertThat(protocol.watchedAsyncRequests()).isEqualTo(protocol.getWaitingProcessorCount());
        }
        // (Tomcat lets a closed stream go when its next keep-alive comment fails, up to 40 s later: not waited for here;
        // QuietNioProtocolTest shows a let-go request is no longer checked)
    }

    @Test
    @Order(8)
    void theApiCannotStartACampaignTheLicenceDoesNotCover() throws Exception {
        HttpSession browser = loggedIn();
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < 51; i++) {
            csv.append("+39 347 000 ").append(1000 + i).append(",Person ").append(i).append('\n');
        }
        HttpResponse<String> preview = browser.upload("/contacts/import", "many.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        browser.postForm(find(preview.body(), "hx-post=\"(/contacts/import/[^\"]+/commit)\""), "", true);
        HttpResponse<String> created = bearerPost("/api/campaigns", "{\"name\":\"Everyone\",\"tagExpression\":\"\",\"template\":\"Hi\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = find(created.body(), "\"id\":(\\d+)");

        HttpResponse<String> start = bearerPost("/api/campaigns/" + id + "/start", "");
        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(start.body()).contains("Licence needed").contains("up to 50");
        assertThat(bearer("/api/campaigns/" + id).body()).contains("\"state\":\"DRAFT\"");
        assertThat(bearer("/api/campaigns/" + id + "/recipients").body()).contains("\"total\":0");
    }

    @Test
    @Order(9)
    void formsMssgCannotReadAreRefusedInWordsNotWithA500() throws Exception {
        HttpSession browser = loggedIn();
        String manyIds = "ids=1&".repeat(1_100) + "action=tag&tagId=1";
        HttpResponse<String> tooMany = browser.postForm("/contacts/bulk", manyIds, true);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("HX-Trigger").orElse("")).contains("more than mssg reads in one request");
        HttpResponse<String> tooLong = browser.postForm("/chats/1/reply", "text=" + "x".repeat(3 * 1024 * 1024), true);
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.headers().firstValue("HX-Trigger").orElse("")).contains("more than mssg reads in one request");
        // the same with the token among the fields, as a plain form sends it: the security filter reads them first
        HttpResponse<String> tooManyPlain = browser.postPlainForm("/contacts/bulk", manyIds);
        assertThat(tooManyPlain.statusCode()).isIn(400, 403, 413);

        HttpResponse<String> missing = browser.postForm("/contacts/bulk", "ids=1&tagId=1", true);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("HX-Trigger").orElse("")).contains("missing its field action");

        HttpResponse<String> longSearch = browser.get("/contacts/export?q=" + "a".repeat(101));
        assertThat(longSearch.statusCode()).isEqualTo(400);
        assertThat(longSearch.body()).contains("longer than 100 characters");
    }

    private HttpSession loggedIn() throws Exception {
        HttpSession browser = new HttpSession(port);
        browser.get("/?token=" + token.value());
        assertThat(browser.get("/contacts").statusCode()).isEqualTo(200);
        return browser;
    }

    private HttpResponse<String> bearer(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> bearerPost(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token.value()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String rawGet(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/tags HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("pattern %s", regex).isTrue();
        return matcher.group(1);
    }
}
