package it.mssg.bridge.simulator;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's WPP is strict: anything outside the DESIGN.md subset is recorded (the session ITs assert
 * the record stays empty while the shim works). Here a page script steps outside on purpose.
 */
class StrictWppIT {

    @TempDir
    Path dir;

    @Test
    void accessesOutsideTheContractAreRecorded() throws Exception {
        try (SimulatedNetwork network = new SimulatedNetwork(SimulatedNetwork.Seed.SMALL, dir, Clock.systemUTC());
             SimulatorServer server = new SimulatorServer(network, 0);
             Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(List.of("--no-sandbox"));
            Path chromium = Path.of(System.getProperty("mssg.browser.executable", "/usr/bin/chromium"));
            if (Files.isExecutable(chromium)) {
                options.setExecutablePath(chromium);
            }
            Browser browser = playwright.chromium().launch(options);
            Page page = browser.newPage();
            page.navigate(server.pageUrl());
            page.waitForFunction("() => window.WPP && window.WPP.isReady");

            Object allowed = page.evaluate("async () => { const c = await WPP.conn.getAuthCode(); "
                    + "return [WPP.conn.isAuthenticated(), c.fullCode.startsWith('2@'), typeof WPP.chat.sendTextMessage]; }");
            assertThat(allowed).isEqualTo(List.of(false, true, "function"));
            assertThat(network.violations()).isEmpty();

            page.evaluate("() => { WPP.chat.sendFileMessage; WPP.conn.getPlatform; WPP.whatsapp; Object.keys(WPP.contact); }");
            page.evaluate("async () => { const code = await WPP.conn.getAuthCode(); return code.secret; }");
            page.evaluate("() => WPP.chat.getMessages('393330000001@c.us', {count: 5, media: 'all'}).catch(() => null)");
            page.waitForTimeout(500);
            assertThat(network.violations()).contains("WPP.chat.sendFileMessage", "WPP.conn.getPlatform", "WPP.whatsapp",
                    "keys of WPP.contact", "AuthCode.secret", "getMessages option media");
            browser.close();
        }
    }
}
