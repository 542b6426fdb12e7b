package it.mssg.web.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's first session in Chromium: the token link, the first-run page, a CSV import, search, tagging
 * and a contact's page. Screenshots of each screen go to {@code java.io.tmpdir/mssg-screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mssg.whatsapp.autostart=false")
class DashboardBrowserIT {

    static final Path DATA_DIR;
    static final Path SHOTS = Path.of(System.getProperty("java.io.tmpdir"), "mssg-screenshots");
    static final String HOSTILE = "Anna <img src=x onerror=\"window.pwned=1\">";

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-browser-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Playwright playwright;
    static Browser browser;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("mssg.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    AccessToken token;

    @BeforeAll
    static void chromium() {
        // two shared cores: be generous
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("mssg.browser.executable", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void firstSessionImportSearchTagAndOpenAContact() throws Exception {
        Files.createDirectories(SHOTS);
        String base = "http://127.0.0.1:" + port;
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 860));
        page.setDefaultTimeout(20_000);
        List<String> problems = new CopyOnWriteArrayList<>();
        // the live stream's EventSource reports an error each time a page is left, and Chromium logs the one
        // refused form below (422); anything else counts
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !"Event".equals(message.text())
                    && !message.text().equals("Failed to load resource: the server responded with a status of 422 ()")) {
                problems.add(message.text());
            }
        });
        page.onPageError(problems::add);

        // the printed link: the cookie is set, the token leaves the address, first run comes first
        page.navigate(base + "/?token=" + token.value());
        assertThat(page).hasURL(base + "/welcome");
        shot(page, "welcome");
        page.getByLabel("I accept the terms of use.").check();
        page.getByLabel("I have read the privacy promise.").check();
        page.getByLabel("I am 18 or older.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start using mssg")).click();
        assertThat(page).hasURL(base + "/");
        assertThat(page.locator("#session-chip")).containsText("WhatsApp");
        shot(page, "home");

        // import: preview with a row error, then commit
        Path csv = Files.createTempFile(DATA_DIR, "people", ".csv");
        Files.writeString(csv, "phone,name,tags\n+39 333 444 5555,\"" + HOSTILE.replace("\"", "\"\"") + "\",vip\n"
                + "+39 333 444 6666,Bruno \u202Eolleh 👋,vip\nnot a number,Carla,\n+39 333 444 7777,Dario,\n", StandardCharsets.UTF_8);
        page.navigate(base + "/contacts/import");
        page.setInputFiles("#file", csv);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.locator("#import-area")).containsText("3 ready");
        assertThat(page.locator("#import-area")).containsText("1 with errors");
        shot(page, "import-preview");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 3 contacts")).click();
        assertThat(page.locator("#import-area")).containsText("3 new contacts");
        assertThat(page.locator("#import-progress progress")).hasAttribute("value", "100");
        assertThat(page.locator("#toasts")).containsText("Imported 3 new");
        shot(page, "import-done");

        // a tag to use
        page.navigate(base + "/tags");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("customers");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create tag")).click();
        assertThat(page.locator("#tag-list")).containsText("customers");
        // a name already taken: the form keeps what was typed and a toast says why
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("CUSTOMERS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create tag")).click();
        assertThat(page.locator("#toasts .toast-error")).isVisible();
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("CUSTOMERS");
        assertThat(page.locator("#tag-list tbody tr")).hasCount(2);
        shot(page, "tags");

        // search as you type
        page.navigate(base + "/contacts");
        assertThat(page.locator("#contact-results tbody tr")).hasCount(3);
        page.locator("#q").pressSequentially("anna", new Locator.PressSequentiallyOptions().setDelay(40));
        assertThat(page.locator("#contact-results tbody tr")).hasCount(1);
        assertThat(page).hasURL(base + "/contacts?q=anna");
        Locator annaRow = page.locator("#contact-results tbody tr").first();
        assertThat(annaRow.locator(".cell-name a")).hasText(HOSTILE);
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);

        // tag chips filter, bulk tagging
        page.locator("#q").fill("");
        assertThat(page.locator("#contact-results tbody tr")).hasCount(3);
        assertThat(page).hasURL(base + "/contacts");
        page.locator("#contact-results tbody tr", new Page.LocatorOptions().setHasText("Dario")).locator("input[name=ids]").check();
        page.locator("#contact-results tbody tr", new Page.LocatorOptions().setHasText("Anna")).locator("input[name=ids]").check();
        assertThat(page.locator("output[data-selected-count]")).hasText("2 selected");
        page.locator("select[name=tagId]").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("customers"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add tag")).click();
        assertThat(page.locator("#toasts")).containsText("Tagged 2 contacts");
        page.locator(".chips a.tag", new Page.LocatorOptions().setHasText("customers")).click();
        assertThat(page.locator("#contact-results tbody tr")).hasCount(2);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/contacts\\?tag=\\d+$"));
        shot(page, "contacts");

        // the contact's own page, deep-linkable, with an edit
        page.locator("#contact-results tbody tr", new Page.LocatorOptions().setHasText("Dario")).locator(".cell-name a").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/contacts/\\d+$"));
        assertThat(page.locator("h1")).hasText("Dario");
        assertThat(page.locator("#contact-editor")).containsText("+393334447777");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Notes")).fill("met at the fair 🎪");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("#toasts")).containsText("Saved.");
        page.reload();
        assertThat(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Notes"))).hasValue("met at the fair 🎪");
        shot(page, "contact");

        // a contact added by hand, then deleted, with plain forms (their CSRF token is in the form)
        page.navigate(base + "/contacts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New contact")).click();
        assertThat(page).hasURL(base + "/contacts/new");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Number")).fill("+39 333 555 8888");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name")).fill("Elena");
        page.locator("#contact-new label.check", new Page.LocatorOptions().setHasText("customers")).locator("input").check();
        shot(page, "contact-new");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add contact")).click();
        assertThat(page.locator("h1")).hasText("Elena");
        assertThat(page.locator("#toasts")).containsText("Added Elena.");
        assertThat(page.locator("#contact-editor .tag")).containsText(new String[]{"customers"});
        page.locator("details summary", new Page.LocatorOptions().setHasText("Delete")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete this contact, its tags, fields and reminders")).click();
        assertThat(page).hasURL(base + "/contacts");
        assertThat(page.locator("#toasts")).containsText("Deleted Elena.");
        assertThat(page.locator("#contact-results")).not().containsText("Elena");

        // bulk delete asks first: dismissed, nothing goes; accepted, the selected contact goes
        page.navigate(base + "/contacts/new");
        page.locator("#phone").fill("+39 333 555 9999");
        page.locator("#displayName").fill("Fabio");
        page.locator("#contact-new button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Fabio");
        page.navigate(base + "/contacts?q=fabio");
        page.locator("#contact-results tbody tr", new Page.LocatorOptions().setHasText("Fabio")).locator("input[name=ids]").check();
        List<String> asked = new java.util.ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        page.locator("#bulk button[value=delete]").click();
        page.waitForTimeout(500);
        assertThat(asked).singleElement().asString().startsWith("Delete the selected contacts");
        assertThat(page.locator("#contact-results tbody tr")).hasCount(1);
        page.onceDialog(dialog -> dialog.accept());
        page.locator("#bulk button[value=delete]").click();
        assertThat(page.locator("#toasts")).containsText("Deleted 1 contact.");
        assertThat(page.locator("#contact-results tbody tr")).hasCount(0);

        // a wrong file imported, then undone from the link the import shows
        Path wrong = Files.createTempFile(DATA_DIR, "wrong", ".csv");
        Files.writeString(wrong, "phone,name\n+39 333 666 0001,Wrong one\n+39 333 666 0002,Wrong two\n", StandardCharsets.UTF_8);
        page.navigate(base + "/contacts/import");
        page.setInputFiles("#file", wrong);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 2 contacts")).click();
        assertThat(page.locator("#import-area")).containsText("2 new contacts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Undo this import…")).click();
        assertThat(page.locator("h1")).containsText("Remove the contacts " + wrong.getFileName() + " added");
        assertThat(page.locator("#page")).containsText("2 of the 2 contacts it added will be removed");
        shot(page, "import-undo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove 2 contacts")).click();
        assertThat(page).hasURL(base + "/contacts/import");
        assertThat(page.locator("#toasts")).containsText("Removed 2 contacts that " + wrong.getFileName() + " added.");
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("undone: 2 removed"))).isVisible();
        shot(page, "import-history");
        page.navigate(base + "/contacts?q=wrong");
        assertThat(page.locator("#contact-results tbody tr")).hasCount(0);

        // the other screens render within the same layout
        for (String screen : List.of("chats", "whatsapp", "settings", "campaigns", "outbox", "agent")) {
            page.navigate(base + "/" + screen);
            assertThat(page.locator("nav a[aria-current=page]")).hasCount(1);
            shot(page, screen);
        }
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK));
        page.navigate(base + "/contacts");
        assertThat(page.locator("body")).hasCSS("background-color", "rgb(17, 20, 23)");
        shot(page, "contacts-dark");
        assertThat(problems).as("console errors and CSP violations").isEmpty();
        page.close();
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
