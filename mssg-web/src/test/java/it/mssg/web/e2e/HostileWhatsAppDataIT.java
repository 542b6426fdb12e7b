package it.mssg.web.e2e;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's hostile WhatsApp data, end to end: contacts, push names, labels and message bodies as hostile as
 * WhatsApp lets them be, synced from the simulator, then every screen opened in Chromium. Nothing runs (no
 * dialog, no {@code window.pwned}, no CSP violation, no console error), nothing is escaped twice, nothing widens
 * the page or lets a right-to-left override flip the text around it, nothing is lost (every contact in the list,
 * every message in the chat), and the CSV exports neutralise formulas.
 */
class HostileWhatsAppDataIT extends WholeAppOnSimulator {

    static final String SCRIPT = "<script>window.pwned='script';alert('script')</script>";
    static final String IMG = "\"><img src=x onerror=\"window.pwned='img';alert('img')\">";
    static final String JS_LINK = "javascript:window.pwned='link';alert('link')";
    static final String RTL = "Invoice \u202Efdp.exe\u202C from Bob";
    static final String ZWJ = "Family \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66 "
            + "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 \uD83D\uDC68\uD83C\uDFFD\u200D\uD83D\uDCBB";
    static final String SQL = "Robert'); DROP TABLE contact; --";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"click me\")";
    static final String CONTROL = "bell\u0007 escape\u001B[31m vertical\u000Btab unit\u001Fseparator";
    static final String LONG_NAME = "Wolfeschlegelsteinhausenbergerdorff".repeat(30);
    /** Names are kept up to 200 characters (ContactText.MAX_NAME); longer ones are cut there. */
    static final String LONG_NAME_SHOWN = LONG_NAME.substring(0, 200);
    static final String LABEL_MARKUP = "<img src=x onerror=alert('label')>";
    static final String LABEL_FORMULA = "=HYPERLINK(\"http://x/\",\"y\")";
    static final String BIG = big();

    /** number → display name given to the simulator ({@code null}: only a push name). */
    static final Map<String, String> NAMES = new LinkedHashMap<>();
    static final Map<String, String> PUSH_NAMES = new LinkedHashMap<>();

    static {
        String[] names = {SCRIPT, IMG, JS_LINK, RTL, ZWJ, SQL, FORMULA, CONTROL, LONG_NAME, null};
        String[] pushNames = {IMG, SCRIPT, SCRIPT, IMG, RTL, FORMULA, SQL, ZWJ, CONTROL, IMG + " push"};
        for (int i = 0; i < names.length; i++) {
            String number = String.format("3933399%05d", i + 1);
            NAMES.put(number, names[i]);
            PUSH_NAMES.put(number, pushNames[i]);
        }
    }

    /** What a contact is listed as: its name, else its push name; cut at 200 characters. */
    static List<String> labelsShown() {
        List<String> shown = new ArrayList<>();
        NAMES.forEach((number, name) -> {
            String label = name != null ? name : PUSH_NAMES.get(number);
            shown.add(label.length() > 200 ? label.substring(0, 200) : label);
        });
        return shown;
    }

    static final List<String> BODIES = List.of(SCRIPT, IMG, JS_LINK, "see " + JS_LINK + " now", RTL, ZWJ, SQL, FORMULA,
            CONTROL, BIG);

    final List<String> dialogs = new CopyOnWriteArrayList<>();

    @Test
    void hostileNamesLabelsAndMessagesAreShownAsTextOnEveryScreenAndNothingIsLost() throws Exception {
        SimulatorControl simulator = simulator();
        // the phone's address book, before linking: the first sync brings it
        String first = NAMES.keySet().iterator().next();
        for (String number : NAMES.keySet()) {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("number", number);
            contact.put("name", NAMES.get(number));
            contact.put("pushname", PUSH_NAMES.get(number));
            contact.put("labels", number.equals(first)
                    ? List.of(Map.of("name", LABEL_MARKUP, "hexColor", "red;background:url(javascript:alert(1))"),
                    Map.of("name", LABEL_FORMULA, "hexColor", "#00ff00"))
                    : List.of(Map.of("name", LABEL_FORMULA, "hexColor", "#00ff00")));
            assertThat(simulator.post("/control/contact", JSON.writeValueAsString(contact)).statusCode()).isEqualTo(200);
        }

        Page page = openDashboard();
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        page.addInitScript("window.__cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        scanToReady();

        long contactId = api("GET", "/api/contacts?q=" + first, null).path("items").path(0).path("id").asLong();
        long chatId = api("GET", "/api/contacts/" + contactId, null).path("chatId").asLong();
        assertThat(chatId).as("the hostile contact's chat").isPositive();
        for (String body : BODIES) {
            assertThat(simulator.post("/control/inbound", JSON.writeValueAsString(Map.of("from", first, "body", body)))
                    .statusCode()).isEqualTo(200);
        }
        SimulatorControl.await(() -> api("GET", "/api/chats/" + chatId + "/messages?size=50", null).path("total").asLong() == BODIES.size(),
                Duration.ofSeconds(60), () -> BODIES.size() + " hostile messages stored");
        for (JsonNode stored : api("GET", "/api/chats/" + chatId + "/messages?size=50", null).path("items")) {
            assertThat(BODIES).as("stored as received, to the character").contains(stored.path("body").asText());
        }

        // every contact listed once, by its exact name
        open(page, "/contacts?size=100");
        List<String> listed = page.locator("#contact-results .cell-name a").allTextContents();
        for (String label : labelsShown()) {
            assertThat(Collections.frequency(listed, label)).as("listed once: %s", printable(label)).isEqualTo(1);
        }

        // one contact, its tags from the labels
        open(page, "/contacts/" + contactId);
        assertThat(page.locator("h1").textContent()).isEqualTo(SCRIPT);
        assertThat(page.locator("main").textContent()).contains(LABEL_MARKUP).contains(LABEL_FORMULA);

        open(page, "/tags");
        List<String> tags = page.locator("#tag-list a.tag").allTextContents();
        assertThat(Collections.frequency(tags, LABEL_MARKUP)).as("the markup label, once").isEqualTo(1);
        assertThat(Collections.frequency(tags, LABEL_FORMULA)).as("the formula label, once").isEqualTo(1);

        open(page, "/chats");
        assertThat(Collections.frequency(page.locator(".cell-name a").allTextContents(), SCRIPT)).as("the chat, once").isEqualTo(1);

        // every hostile message in the chat, each exactly as sent
        open(page, "/chats/" + chatId);
        List<String> shown = page.locator(".bubble .text").allTextContents();
        for (String body : BODIES) {
            assertThat(Collections.frequency(shown, body)).as("shown once: %s", printable(body)).isEqualTo(1);
        }

        for (String screen : List.of("/", "/campaigns", "/campaigns/new", "/message-templates", "/agent", "/agent/health",
                "/settings", "/settings/data", "/whatsapp")) {
            open(page, screen);
        }

        // the exports: no cell a spreadsheet would run, and the hostile texts still there behind the guard
        APIResponse csv = page.request().get(base() + "/contacts/export");
        assertThat(csv.status()).isEqualTo(200);
        List<String> contactCells = cells(csv.text());
        assertNoFormula(contactCells, "contacts export");
        assertThat(contactCells).contains("'" + FORMULA, SQL, SCRIPT, IMG, RTL, ZWJ);

        APIResponse zip = page.request().get(base() + "/settings/data/export");
        assertThat(zip.status()).isEqualTo(200);
        List<String> zipCells = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(".csv")) {
                    List<String> entryCells = cells(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    assertNoFormula(entryCells, entry.getName());
                    zipCells.addAll(entryCells);
                }
            }
        }
        assertThat(zipCells).as("the data export's CSV files").contains("'" + FORMULA, BIG, CONTROL, ZWJ);

        assertThat(dialogs).as("dialogs opened").isEmpty();
        assertThat(problems).as("console errors, CSP violations and page errors").isEmpty();
        page.close();
    }

    /** Opens a screen and checks that nothing hostile ran or turned into markup, and that nothing is escaped twice. */
    private void open(Page page, String path) {
        page.navigate(base() + path);
        page.waitForLoadState(LoadState.LOAD);
        page.waitForTimeout(300); // htmx loads and the live stream's first swap
        @SuppressWarnings("unchecked")
        Map<String, Object> found = (Map<String, Object>) page.evaluate("() => ({"
                + "pwned: String(window.pwned),"
                + "csp: window.__cspViolations.join(', '),"
                + "scripts: [...document.scripts].filter(s => s.text.includes('pwned') || s.text.includes('alert(')).length,"
                + "injected: document.querySelectorAll('img[src=\"x\"], [onerror], [onload], [onclick]').length,"
                + "jsLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter(e => "
                + "  ['href', 'src', 'action', 'formaction'].some(a => /^\\s*javascript:/i.test(e.getAttribute(a) || ''))).length,"
                + "twice: (document.body.textContent.match(/&(lt|gt|quot|amp|#\\d+|#x[0-9a-f]+);/gi) || []).join(' '),"
                + "overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,"
                // a text with U+202E sits in an isolated or block box, so it cannot flip the text around it
                + "rtlLeaks: (() => { const leaks = []; const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + "  for (let n = walk.nextNode(); n; n = walk.nextNode()) { if (!n.data.includes('\\u202E')) continue;"
                + "    const style = getComputedStyle(n.parentElement);"
                + "    if (style.display === 'inline' && !['isolate', 'plaintext', 'isolate-override'].includes(style.unicodeBidi))"
                + "      leaks.push(n.parentElement.tagName + '.' + n.parentElement.className); }"
                + "  return leaks.join(' '); })()"
                + "})");
        assertThat(found).as("on " + path).containsEntry("pwned", "undefined").containsEntry("csp", "")
                .containsEntry("scripts", 0).containsEntry("injected", 0).containsEntry("jsLinks", 0).containsEntry("twice", "")
                .as("on " + path + ": the page is no wider than the window, and right-to-left overrides stay in their box")
                .containsEntry("overflow", 0).containsEntry("rtlLeaks", "");
    }

    private static List<String> cells(String csv) throws IOException {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<String> cells = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text))) {
            record.forEach(cells::add);
        }
        return cells;
    }

    private static void assertNoFormula(List<String> cells, String file) {
        for (String cell : cells) {
            assertThat(cell).as(file + ": a cell a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("@");
        }
    }

    /** 64 KB of text with markup in it: the largest body WhatsApp's simulator takes. */
    private static String big() {
        StringBuilder b = new StringBuilder("<b>64 KB</b> <script>window.pwned='big'</script> ");
        while (b.length() < 65_536) {
            b.append("lorem ipsum <i>dolor</i> ");
        }
        return b.substring(0, 65_536);
    }

    /** A failure message that shows control characters and cuts long texts. */
    private static String printable(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> b.append(Character.isISOControl(c) || c == 0x202E ? String.format("\\u%04X", c) : Character.toString(c)));
        return b.toString();
    }
}
