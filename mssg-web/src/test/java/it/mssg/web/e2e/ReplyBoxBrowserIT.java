package it.mssg.web.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply box on the simulator: a reply typed in the conversation view is queued at once, leaves through the
 * governor, and its ticks move to read on screen; a double click on Send makes one message; a reminder added while
 * typing keeps the text. A contact added by hand gets its first message from its own page.
 */
class ReplyBoxBrowserIT extends WholeAppOnSimulator {

    @Test
    void aReplyFromTheConversationViewIsQueuedThenSentThenRead() throws Exception {
        SimulatorControl simulator = simulator();
        Page page = openDashboard();
        if (!sessionState().equals("READY")) scanToReady(); // the class's other test may have linked the session
        assertThat(request("PUT", "/api/settings/governor", governor(0, 1)).body()).contains("\"perDay\":100000");

        page.navigate(base() + "/chats");
        page.locator("a", new Page.LocatorOptions().setHasText("Giulia Rossi")).first().click();
        page.waitForURL(url -> url.matches(".*/chats/\\d+.*"));
        Locator box = page.locator("#reply-text");
        box.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        page.waitForTimeout(500); // let the page's event stream connect

        String text = "reply box e2e " + System.nanoTime();
        box.fill(text);
        // adding a reminder swaps the box in again: what is being typed stays, and still makes one message
        page.locator("#remind-form button[type=submit]").click();
        assertThat(page.locator("ul[aria-label='Open reminders'] li")).hasCount(1);
        assertThat(page.locator("#reply-text")).hasValue(text);
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

    @Test
    void aContactAddedByHandGetsItsFirstMessageFromItsPageAndThenHasAChat() throws Exception {
        SimulatorControl simulator = simulator();
        Page page = openDashboard();
        if (!sessionState().equals("READY")) scanToReady();
        assertThat(request("PUT", "/api/settings/governor", governor(0, 1)).body()).contains("\"perDay\":100000");

        page.navigate(base() + "/contacts/new");
        page.locator("#phone").fill("+39 347 000 1234");
        page.locator("#displayName").fill("Nuova Persona");
        page.locator("#contact-new button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Nuova Persona");
        String contactPage = page.url();

        String text = "first message e2e " + System.nanoTime();
        page.locator("#first-message-text").fill(text);
        page.locator("#first-message button[type=submit]").click();
        assertThat(page.locator("#toasts")).containsText("Queued");
        SimulatorControl.await(() -> {
            try {
                return simulator.get("/control/sent").contains(text);
            } catch (Exception e) {
                return false;
            }
        }, java.time.Duration.ofSeconds(60), () -> "the first message to reach the simulator");

        // once sent, WhatsApp has a chat with them: the contact's page shows the conversation instead of the form
        SimulatorControl.await(() -> {
            page.navigate(contactPage);
            return page.locator("#conversation").textContent().contains(text)
                    && page.locator("#first-message").count() == 0;
        }, java.time.Duration.ofSeconds(60), () -> "the contact's page to show the sent message in its chat");
        assertThat(simulator.get("/control/sent").split(java.util.regex.Pattern.quote(text), -1).length - 1).isEqualTo(1);
        assertThat(problems).as("console errors").isEmpty();
        page.close();
    }

    @Test
    void aMessageScheduledForLaterIsCancelledFromTheConversationAndNeverSent() throws Exception {
        SimulatorControl simulator = simulator();
        Page page = openDashboard();
        if (!sessionState().equals("READY")) scanToReady();

        page.navigate(base() + "/chats");
        page.locator("a", new Page.LocatorOptions().setHasText("Giulia Rossi")).first().click();
        page.waitForURL(url -> url.matches(".*/chats/\\d+.*"));
        page.locator("#reply-text").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        String text = "scheduled then cancelled " + System.nanoTime();
        page.locator("#reply-text").fill(text);
        page.locator("#reply-at").fill(java.time.LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString());
        page.locator("#reply-form button[value=later]").click();
        Locator entry = page.locator("#outbox-entries .bubble", new Page.LocatorOptions().setHasText(text));
        assertThat(entry).hasAttribute("data-outbox-state", "QUEUED");

        page.onceDialog(dialog -> dialog.accept());
        entry.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("cancel")).click();
        assertThat(page.locator("#toasts")).containsText("Cancelled");
        assertThat(page.locator("#outbox-entries .bubble", new Page.LocatorOptions().setHasText(text)))
                .hasAttribute("data-outbox-state", "CANCELLED");
        assertThat(simulator.get("/control/sent")).doesNotContain(text);
        assertThat(problems).as("console errors").isEmpty();
        page.close();
    }
}
