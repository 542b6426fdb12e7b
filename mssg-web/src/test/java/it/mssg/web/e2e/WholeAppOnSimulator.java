package it.mssg.web.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import it.mssg.web.security.AccessToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole app in simulator mode for a browser test: a fresh data folder and simulator port per test class,
 * the app started on them, a headless Chromium for the dashboard, the token login, and the scan to READY.
 * Each test class gets its own app (the context is closed after the class), so no class sees another's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mssg.whatsapp.mode=simulator",
        "mssg.whatsapp.autostart=true",
        "mssg.whatsapp.typing-min=50ms",
        "mssg.whatsapp.typing-max=200ms",
        "server.shutdown=immediate"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class WholeAppOnSimulator {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Called once per application context, so each test class has its own folder and simulator. */
    @DynamicPropertySource
    static void freshDataDirAndSimulatorPort(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("mssg-e2e-");
        int simulatorPort = SimulatorControl.freePort();
        registry.add("mssg.data-dir", dataDir::toString);
        registry.add("mssg.simulator.port", () -> simulatorPort);
    }

    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(SimulatorControl.chromium()).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run")));
        // two shared cores: be generous
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AccessToken token;

    @Value("${mssg.data-dir}")
    Path dataDir;

    @Value("${mssg.simulator.port}")
    int simulatorPort;

    /** Console errors and uncaught page errors of the pages {@link #openDashboard()} opened. */
    final List<String> problems = new CopyOnWriteArrayList<>();

    /** The REST API answers only once the terms are accepted. */
    @BeforeEach
    void acceptTheTermsForTheApi() throws IOException, InterruptedException {
        ApiTerms.accept(base(), token.value());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    SimulatorControl simulator() {
        return new SimulatorControl(simulatorPort);
    }

    /**
     * A new page, logged in with the printed token link and past the first-run page, that records console
     * errors and page errors in {@link #problems}.
     */
    Page openDashboard() {
        Page page = browser.newPage();
        // the live stream's EventSource reports an error each time a page is left; anything else counts
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !"Event".equals(m.text())) {
                problems.add(m.text());
            }
        });
        page.onPageError(problems::add);
        page.navigate(base() + "/?token=" + token.value());
        if (page.url().endsWith("/welcome")) {
            page.locator("input[name=terms]").check();
            page.locator("input[name=privacy]").check();
            page.locator("input[name=adult]").check();
            page.locator("button[type=submit]").click();
            page.waitForURL(base() + "/");
        }
        return page;
    }

    /** Scans the simulator's QR as soon as the page shows one and waits until the app says READY. */
    void scanToReady() throws Exception {
        simulator().scanWhenShown(Duration.ofSeconds(120));
        SimulatorControl.await(() -> sessionState().equals("READY"), Duration.ofSeconds(120), () -> "the session to be READY");
    }

    /** The session state the REST API reports, or "" when it cannot be read. */
    String sessionState() {
        return api("GET", "/api/session", null).path("state").asText("");
    }

    /** A REST call with the bearer token; throws when the app cannot be reached. */
    HttpResponse<String> request(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token.value()).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with the bearer token: the body, or "" when the app cannot be reached (for polling). */
    String bearer(String path) {
        try {
            return request("GET", path, null).body();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** A REST call read as JSON: an empty object when there is no body or the app cannot be reached (for polling). */
    JsonNode api(String method, String path, String json) {
        try {
            String body = request(method, path, json).body();
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException | InterruptedException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * Send-governor settings that keep every rule but get out of a test's way: replies 0-1 s apart, other sends
     * {@code spacingMin}-{@code spacingMax} s apart, no caps worth the name, no quiet hours, no warm-up.
     */
    static String governor(int spacingMinSeconds, int spacingMaxSeconds) {
        return "{\"replySpacingMinSeconds\":0,\"replySpacingMaxSeconds\":1,"
                + "\"spacingMinSeconds\":" + spacingMinSeconds + ",\"spacingMaxSeconds\":" + spacingMaxSeconds
                + ",\"firstContactSpacingMinSeconds\":" + spacingMinSeconds
                + ",\"firstContactSpacingMaxSeconds\":" + spacingMaxSeconds + ",\"perMinute\":1000,\"perHour\":10000,\"perDay\":100000,"
                + "\"warmUp\":false,\"quietStart\":null,\"quietEnd\":null,\"recipientGapMinutes\":0,"
                + "\"duplicateWindowHours\":24,\"coldPerDay\":100000,\"failuresBeforePause\":3,"
                + "\"conversationWindowHours\":24,\"replyReservePercent\":0}";
    }
}
