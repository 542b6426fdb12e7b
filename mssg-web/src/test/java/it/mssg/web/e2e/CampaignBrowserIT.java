package it.mssg.web.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign built and run from the dashboard on the simulator: create, dry run, start, pause, resume, finish,
 * with the progress bar live; an inbound "STOP" while it is paused keeps that contact from getting it.
 */
class CampaignBrowserIT extends WholeAppOnSimulator {

    static final int RECIPIENTS = 5;
    static final String MARK = "campaign e2e";
    /** 2-3 s between campaign sends: slow enough to pause half-way, fast enough for a test. */
    static final String GOVERNOR = governor(2, 3);

    @Test
    void buildDryRunStartPauseResumeFinishAndAStopDuringThePauseKeepsThatContactOut() throws Exception {
        SimulatorControl simulator = simulator();
        Page page = openDashboard();
        page.onDialog(dialog -> dialog.accept());
        scanToReady();
        api("PUT", "/api/settings/governor", GOVERNOR);

        // the recipients write first (that is how the simulator's WhatsApp knows them), then get a tag
        for (int i = 1; i <= RECIPIENTS; i++) {
            assertThat(simulator.post("/control/inbound", "{\"from\":\"" + number(i) + "\",\"body\":\"hi " + i + "\"}")
                    .statusCode()).isEqualTo(200);
        }
        SimulatorControl.await(() -> api("GET", "/api/contacts?q=33391000&size=1", null).path("total").asLong() == RECIPIENTS,
                Duration.ofSeconds(60), () -> RECIPIENTS + " contacts in the app");
        long tag = api("POST", "/api/tags", "{\"name\":\"e2e-campaign\"}").get("id").asLong();
        for (JsonNode contact : api("GET", "/api/contacts?q=33391000&size=50", null).get("items")) {
            api("PATCH", "/api/contacts/" + contact.get("id").asLong(), "{\"tagIds\":[" + tag + "]}");
        }

        // build it on screen
        page.navigate(base() + "/campaigns");
        page.locator("a.button", new Page.LocatorOptions().setHasText("New campaign")).click();
        page.locator("#campaign-name").fill("Spring news");
        page.locator("#campaign-tags").fill("e2e-campaign");
        page.locator("#campaign-template").fill("{Hi|Hello} {{first_name|there}}, this is the " + MARK);
        page.locator("#campaign-form button[type=submit]").click();
        try {
            page.waitForURL(url -> url.matches(".*/campaigns/\\d+(\\?saved)?$"));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("the draft was not saved: " + page.url() + "\n" + page.locator("main").innerText(), e);
        }
        assertThat(page.locator("h1")).hasText("Spring news");
        page.waitForTimeout(500); // let the page's event stream connect

        page.locator("button", new Page.LocatorOptions().setHasText("Dry run")).click();
        assertThat(page.locator("#dry-run-summary")).containsText(RECIPIENTS + " would get it");
        assertThat(page.locator("#campaign-dry-run tbody tr")).hasCount(RECIPIENTS);

        page.locator("#campaign-start").click();
        assertThat(page.locator("#campaign-state")).hasText("running");
        SimulatorControl.await(() -> sentTo(simulator).size() >= 1, Duration.ofSeconds(60), () -> "a first campaign send");
        page.locator("#campaign-pause").click();
        assertThat(page.locator("#campaign-state")).hasText("paused");

        // a recipient not reached yet says STOP while it is paused
        page.waitForTimeout(1_000); // a send already under way may still finish
        Map<String, Integer> atPause = sentTo(simulator);
        assertThat(atPause.size()).as("paused half-way").isLessThan(RECIPIENTS);
        String stopper = null;
        for (int i = RECIPIENTS; i >= 1 && stopper == null; i--) {
            if (!atPause.containsKey(number(i) + "@c.us")) {
                stopper = number(i);
            }
        }
        assertThat(simulator.post("/control/inbound", "{\"from\":\"" + stopper + "\",\"body\":\"STOP\"}").statusCode()).isEqualTo(200);
        page.waitForTimeout(4_000);
        assertThat(sentTo(simulator)).as("nothing leaves while paused").isEqualTo(atPause);

        page.locator("#campaign-resume").click();
        assertThat(page.locator("#campaign-state")).hasText("finished");
        assertThat(page.locator("#campaign-progress")).hasAttribute("value", "100");

        Map<String, Integer> sent = sentTo(simulator);
        assertThat(sent).as("the contact who said STOP").doesNotContainKey(stopper + "@c.us");
        assertThat(sent).hasSize(RECIPIENTS - 1);
        assertThat(sent.values()).as("each once").containsOnly(1);
        assertThat(page.locator("#campaign-recipients tr[data-outbox-state=BLOCKED], #campaign-recipients tr[data-outbox-state=CANCELLED]"))
                .hasCount(1);
        assertThat(problems).as("console errors").isEmpty();
        page.close();
    }

    static String number(int i) {
        return String.format("39333910%04d", i);
    }

    /** How many campaign messages each recipient got, from the simulator's own record. */
    private static Map<String, Integer> sentTo(SimulatorControl simulator) {
        Map<String, Integer> out = new HashMap<>();
        try {
            for (JsonNode sent : JSON.readTree(simulator.get("/control/sent"))) {
                if (sent.path("body").asText().contains(MARK)) {
                    out.merge(sent.get("to").asText(), 1, Integer::sum);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the simulator's record cannot be read", e);
        }
        return out;
    }
}
