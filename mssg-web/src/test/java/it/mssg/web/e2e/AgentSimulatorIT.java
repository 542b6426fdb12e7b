package it.mssg.web.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import it.mssg.licensing.api.Entitlements;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply agent in the whole app on the simulator, set up through its screens in Chromium: an approved answer
 * and AUTO mode; "what time do you open?" is answered through the outbox and the governor (it reaches the
 * simulator's sent list); a refund-and-lawyer message gets silence and lands in "needs a human" on Home; the
 * health chart and table count both.
 */
class AgentSimulatorIT extends WholeAppOnSimulator {

    static final String GIULIA = "393330000003";
    static final String MARCO = "393330000002";
    static final String ANNA = "393330000001";
    static final String ANSWER = "We are open Monday to Saturday, 9:00 to 18:00.";

    /** A licence needs a purchase (Stripe), which cannot happen here: this one includes automatic mode. */
    @TestConfiguration
    static class Licensed {
        @Bean
        @Primary
        Entitlements everythingLicensed() {
            return feature -> true;
        }
    }

    @Test
    void autoAnswersThroughTheOutboxBlockedTopicNeedsAHumanAndHealthCountsBoth() throws Exception {
        SimulatorControl simulator = simulator();
        Page page = openDashboard();
        page.setDefaultTimeout(30_000);
        try {
            run(simulator, page);
            assertThat(problems).as("console errors and CSP violations").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            // what the page showed when it failed, next to the test reports
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "agent-e2e-failure.png")).setFullPage(true));
            System.out.println("AGENT E2E FAILED AT " + page.url() + "\n" + page.locator("main").innerText());
            throw e;
        } finally {
            page.close();
        }
    }

    private void run(SimulatorControl simulator, Page page) throws Exception {
        String base = base();

        // link the simulated phone and let the contacts arrive
        scanToReady();
        SimulatorControl.await(() -> bearer("/api/contacts?q=" + GIULIA).contains(GIULIA)
                        && bearer("/api/contacts?q=" + MARCO).contains(MARCO), Duration.ofSeconds(60),
                () -> "the simulator's contacts in the app");
        // the governor fast for the test, but every send still goes through it
        assertThat(request("PUT", "/api/settings/governor", governor(0, 1)).statusCode()).isEqualTo(200);

        // an approved answer, through the Agent screen
        page.navigate(base + "/agent");
        page.locator("#new-entry #e-title").fill("Opening hours");
        page.locator("#new-entry #e-answer").fill(ANSWER);
        page.locator("#new-entry #e-questions").fill("what time do you open?\nwhen are you open\nopening hours");
        page.locator("#new-entry button[type=submit]").click();
        page.locator("#kb-entries", new Page.LocatorOptions().setHasText("Opening hours")).waitFor();

        // AUTO for everyone, at any hour
        page.locator("#s-mode").selectOption("AUTO");
        page.locator("#s-opens").fill("00:00");
        page.locator("#s-closes").fill("00:00");
        page.locator("#agent-settings button[type=submit]").click();
        page.waitForURL(base + "/agent?done=settings");
        assertThat(page.locator("#s-mode").inputValue()).isEqualTo("AUTO");

        // Anna only gets suggestions: her own mode, found by the contact search on the Agent screen
        page.locator("#contact-search").fill("Anna");
        Locator anna = page.locator("#contact-results tr", new Page.LocatorOptions().setHasText("Anna Rossi"));
        anna.locator("select").selectOption("SUGGEST");
        anna.locator("button").click();
        page.locator("#toasts", new Page.LocatorOptions().setHasText("Mode for the contact saved")).waitFor();

        // the test box shows the decision and the score
        page.locator("#test-text").fill("what time do you open?");
        page.locator("#test-form button[type=submit]").click();
        Locator decision = page.locator("#test-decision");
        decision.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "agent-e2e-agent.png")).setFullPage(true));
        assertThat(decision.innerText()).contains("SENT").contains("MATCHED").contains(ANSWER);

        // a question the knowledge base answers: sent through the outbox to the simulator
        assertThat(simulator.post("/control/inbound", "{\"from\":\"" + GIULIA + "\",\"body\":\"what time do you open?\"}")
                .statusCode()).isEqualTo(200);
        SimulatorControl.await(() -> sentTo(simulator, GIULIA).contains(ANSWER), Duration.ofSeconds(60),
                () -> "the agent's answer in the simulator's sent list");
        assertThat(bearer("/api/outbox?size=50")).contains("AGENT_REPLY");

        // in SUGGEST the answer waits in the conversation as a suggestion, and nothing is sent
        assertThat(simulator.post("/control/inbound", "{\"from\":\"" + ANNA + "\",\"body\":\"when are you open?\"}")
                .statusCode()).isEqualTo(200);
        page.navigate(base + "/chats");
        page.locator("a", new Page.LocatorOptions().setHasText("Anna Rossi")).first().click();
        page.waitForURL(url -> url.matches(".*/chats/\\d+.*"));
        Locator suggestion = page.locator("[data-suggestion]", new Page.LocatorOptions().setHasText(ANSWER));
        suggestion.waitFor();
        page.locator("#reply-text").waitFor();
        suggestion.click();
        assertThat(page.locator("#reply-text").inputValue()).as("a click puts the suggestion in the reply box").isEqualTo(ANSWER);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "agent-e2e-chat.png")).setFullPage(true));
        assertThat(sentTo(simulator, ANNA)).isEqualTo("");

        // a topic for a human: silence, and the chat is on Home's "needs a human" list
        page.navigate(base + "/");
        page.locator("#needs-human").waitFor();
        assertThat(simulator.post("/control/inbound", "{\"from\":\"" + MARCO + "\",\"body\":\"I want a refund, I'll call my lawyer\"}")
                .statusCode()).isEqualTo(200);
        Locator flagged = page.locator("#needs-human-list tr", new Page.LocatorOptions().setHasText("Marco"));
        flagged.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(flagged.innerText()).contains("only a human should answer");
        assertThat(flagged.locator("a").getAttribute("href")).matches("/chats/\\d+");
        Thread.sleep(3_000); // the governor would have sent within a second or two
        assertThat(sentTo(simulator, MARCO)).as("silence for the blocked topic").doesNotContain("refund").isEqualTo("");

        // health: the chart is drawn and the table counts both decisions
        page.navigate(base + "/agent/health");
        page.locator("[data-agent-chart] canvas").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "agent-e2e-health.png")).setFullPage(true));
        String table = page.locator("#health-table").innerText();
        assertThat(table).containsPattern("SENT\\s+MATCHED\\s+yes\\s+1");
        assertThat(table).containsPattern("SILENCE\\s+BLOCKED_TOPIC\\s+no\\s+1");
        assertThat(table).containsPattern("SUGGESTED\\s+MATCHED\\s+yes\\s+1");

        // clearing the chat takes it off Home's list
        page.navigate(base + "/");
        page.locator("#needs-human-list tr", new Page.LocatorOptions().setHasText("Marco")).locator("button").click();
        page.locator("#needs-human", new Page.LocatorOptions().setHasText("Nothing waits for you")).waitFor();
    }

    /** The bodies the simulator recorded as sent to {@code number}, one per line. */
    private static String sentTo(SimulatorControl simulator, String number) {
        try {
            String json = simulator.get("/control/sent");
            StringBuilder bodies = new StringBuilder();
            for (String record : json.split("\\},\\s*\\{")) {
                if (record.contains(number)) bodies.append(record).append('\n');
            }
            return bodies.toString();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }
}
