package it.mssg.web.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import it.mssg.web.security.AccessToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply box on the simulator: a reply typed in the conversation view is queued at once, leaves through the
 * governor, and its ticks move to read on screen; a double click on Send makes one message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mssg.whatsapp.mode=simulator",
        "mssg.whatsapp.autostart=true",
        "mssg.whatsapp.typing-min=50ms",
        "mssg.whatsapp.typing-max=200ms",
        "server.shutdown=immediate"})
class ReplyBoxBrowserIT {

    static final Path DATA_DIR;
    static final int SIMULATOR_PORT;
    /** Fast but still through every rule: 0-1 s between sends, caps out of the way. */
    static final String FAST_GOVERNOR = "{\"replySpacingMinSeconds\":0,\"replySpacingMaxSeconds\":1,"
            + "\"spacingMinSeconds\":0,\"spacingMaxSeconds\":1,\"firstContactSpacingMinSeconds\":0,"
            + "\"firstContactSpacingMaxSeconds\":1,\"perMinute\":1000,\"perHour\":10000,\"perDay\":100000,"
            + "\"warmUp\":false,\"quietStart\":null,\"quietEnd\":null,\"recipientGapMinutes\":0,"
            + "\"duplicateWindowHours\":24,\"coldPerDay\":100000,\"failuresBeforePause\":3,"
            + "\"conversationWindowHours\":24,\"replyReservePercent\":0}";

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-e2e-reply-");
            SIMULATOR_PORT = SimulatorControl.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("mssg.data-dir", DATA_DIR::toString);
        registry.add("mssg.simulator.port", () -> SIMULATOR_PORT);
    }

    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(SimulatorControl.chromium()).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run")));
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AccessToken token;

    @Test
    void aReplyFromTheConversationViewIsQueuedThenSentThenRead() throws Exception {
        SimulatorControl simulator = new SimulatorControl(SIMULATOR_PORT);
        Page page = browser.newPage();
        List<String> problems = new CopyOnWriteArrayList<>();
        // the live stream's EventSource reports an error each time a page is left; anything else counts
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !"Event".equals(m.text())) {
                problems.add(m.text());
            }
        });
        page.onPageError(problems::add);
        String base = "http://127.0.0.1:" + port;
        page.navigate(base + "/?token=" + token.value());
        if (page.url().endsWith("/welcome")) {
            page.locator("input[name=terms]").check();
            page.locator("input[name=privacy]").check();
            page.locator("input[name=adult]").check();
            page.locator("button[type=submit]").click();
            page.waitForURL(base + "/");
        }
        simulator.scanWhenShown(Duration.ofSeconds(120));
        SimulatorControl.await(() -> bearer("GET", "/api/session", null).contains("\"state\":\"READY\""),
                Duration.ofSeconds(120), () -> "the session to be READY");
        assertThat(bearer("PUT", "/api/settings/governor", FAST_GOVERNOR)).contains("\"perDay\":100000");

        page.navigate(base + "/chats");
        page.locator("a", new Page.LocatorOptions().setHasText("Giulia Rossi")).first().click();
        page.waitForURL(url -> url.matches(".*/chats/\\d+.*"));
        Locator box = page.locator("#reply-text");
        box.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        page.waitForTimeout(500); // let the page's event stream connect

        String text = "reply box e2e " + System.nanoTime();
        box.fill(text);
        page.locator("#reply-form button[value=now]").dblclick();

        Locator entry = page.locator("#outbox-entries .bubble", new Page.LocatorOptions().setHasText(text));
        assertThat(entry.first()).isVisible();
        assertThat(entry.first()).hasAttribute("data-outbox-state", "READ");
        assertThat(entry).hasCount(1);
        assertThat(entry.first().locator(".outbox-state")).hasText("read");
        assertThat(page.locator("#reply-text")).hasValue("");

        String sent = simulator.get("/control/sent");
        assertThat(sent.split(java.util.regex.Pattern.quote(text), -1).length - 1)
                .as("a double click on Send makes one message").isEqualTo(1);
        assertThat(problems).as("console errors").isEmpty();
        page.close();
    }

    private String bearer(String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token.value()).header("Content-Type", "application/json");
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }
}
