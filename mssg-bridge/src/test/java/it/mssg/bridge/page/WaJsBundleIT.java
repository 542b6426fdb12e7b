package it.mssg.bridge.page;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pinned wa-js bundle, as packed into the jar, loads in Chromium after the shim and offers every name of
 * the DESIGN.md subset the shim uses, with the shim's WPPConfig in place. (Whether those functions still work
 * against today's WhatsApp Web can only be checked on the live page: see the README's manual checklist.)
 */
class WaJsBundleIT {

    static final List<String> SUBSET = List.of("loader.onReady", "conn.isAuthenticated", "conn.isMainReady",
            "conn.getAuthCode", "conn.getMyUserId", "conn.logout", "on", "off", "contact.list", "contact.queryExists",
            "chat.list", "chat.get", "chat.getMessages", "chat.markIsComposing", "chat.sendTextMessage", "labels.getAllLabels");

    @Test
    void theBundleOffersTheContractSubset() {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(List.of("--no-sandbox"));
            Path chromium = Path.of(System.getProperty("mssg.browser.executable", "/usr/bin/chromium"));
            if (Files.isExecutable(chromium)) {
                options.setExecutablePath(chromium);
            }
            Browser browser = playwright.chromium().launch(options);
            Page page = browser.newPage();
            page.addInitScript(PageScripts.shim());
            page.addInitScript(PageScripts.waJsBundle());
            page.navigate("data:text/html,<p>not WhatsApp</p>");
            page.waitForFunction("() => !!window.WPP");

            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) page.evaluate("() => window.WPPConfig");
            assertThat(config).containsEntry("disableGoogleAnalytics", true).containsEntry("sendStatusToDevice", false);
            assertThat(config.get("linkPreviewApiServers")).isNull();
            assertThat(page.evaluate("() => typeof WPP.isReady")).isEqualTo("boolean");
            for (String path : SUBSET) {
                assertThat(page.evaluate("p => typeof p.split('.').reduce((o, k) => o && o[k], window.WPP)", path))
                        .as("WPP." + path).isEqualTo("function");
            }
            browser.close();
        }
    }
}
