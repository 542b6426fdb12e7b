package it.mssg.web.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app in simulator mode, seen through the dashboard in Chromium: the QR appears on the WhatsApp
 * screen, a scan through the simulator's control API connects, and a contact's message shows up on screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mssg.whatsapp.mode=simulator",
        "mssg.whatsapp.autostart=true",
        "mssg.whatsapp.typing-min=50ms",
        "mssg.whatsapp.typing-max=200ms",
        "server.shutdown=immediate"})
class WhatsAppSimulatorIT {

    static final Path DATA_DIR;
    static final int SIMULATOR_PORT;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-e2e-");
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
                .setExecutablePath(SimulatorControl.chromium()).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
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
    void qrInTheDashboardThenScanThenReadyAndAnInboundMessageOnScreenWithinASecond() throws Exception {
        SimulatorControl simulator = new SimulatorControl(SIMULATOR_PORT);
        Page page = browser.newPage();
        String base = "http://127.0.0.1:" + port;
        page.navigate(base + "/?token=" + token.value());
        if (page.url().endsWith("/welcome")) {
            page.locator("input[name=terms]").check();
            page.locator("input[name=privacy]").check();
            page.locator("input[name=adult]").check();
            page.locator("button[type=submit]").click();
            page.waitForURL(base + "/");
        }

        page.navigate(base + "/whatsapp");
        Locator qr = page.locator("img[alt='QR code to link WhatsApp']");
        qr.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(qr.getAttribute("src")).startsWith("data:image/svg+xml");
        assertThat(page.locator("a[href$='/control']").count()).as("the simulator's control page is linked").isPositive();

        simulator.scanWhenShown(Duration.ofSeconds(30));
        page.locator("text=WhatsApp connected").first().waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        qr.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED).setTimeout(10_000));
        assertThat(bearer("/api/session")).contains("\"state\":\"READY\"");

        page.navigate(base + "/chats");
        page.locator("a", new Page.LocatorOptions().setHasText("Giulia Rossi")).first().click();
        page.waitForURL(url -> url.matches(".*/chats/\\d+.*"));
        page.waitForTimeout(500); // let the page's event stream connect

        String text = "e2e <b>hello</b> " + System.nanoTime();
        long sent = System.nanoTime();
        HttpResponse<String> written = simulator.post("/control/inbound", "{\"from\":\"393330000003\",\"body\":\"" + text + "\"}");
        assertThat(written.statusCode()).isEqualTo(200);
        page.getByText(text).first().waitFor(new Locator.WaitForOptions().setTimeout(5_000));
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertThat(millis).as("inbound message to screen, ms").isLessThan(1000);
        assertThat(page.locator("b", new Page.LocatorOptions().setHasText("hello")).count()).as("the text is escaped, not markup").isZero();
        page.close();
    }

    private String bearer(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
