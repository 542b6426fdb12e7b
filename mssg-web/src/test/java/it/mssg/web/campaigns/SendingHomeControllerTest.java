package it.mssg.web.campaigns;

import it.mssg.core.api.FollowUpReminders;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.OutboxStatusView;
import it.mssg.core.api.ReminderView;
import it.mssg.core.api.SendBudgetView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SendingHomeController.class)
class SendingHomeControllerTest extends WebSliceTest {

    static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

    @MockitoBean OutboxQueries outbox;
    @MockitoBean FollowUpReminders reminders;

    @BeforeEach
    void data() {
        when(outbox.budget()).thenReturn(new SendBudgetView(List.of(
                new SendBudgetView.Cap("HOUR", 30, 12, 18, NOW),
                new SendBudgetView.Cap("DAY", 200, 12, 188, NOW),
                new SendBudgetView.Cap("COLD_DAY", 20, 20, 0, NOW)), 3, true, 5));
        when(outbox.status()).thenReturn(new OutboxStatusView("SESSION_NOT_READY", "WhatsApp is not connected", 0, 4, 0, 12));
        when(reminders.due()).thenReturn(List.of(new ReminderView(5, 3, "Anna <b>", "ask about the offer", NOW, NOW.minusSeconds(86400 * 3), null)));
    }

    @Test
    void showsWhatIsLeftUnderEachCapAndTheDueReminders() throws Exception {
        mvc.perform(get("/home/sending").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("18 of 30 left")))
                .andExpect(content().string(containsString("First contacts today")))
                .andExpect(content().string(containsString("0 of 20 left")))
                .andExpect(content().string(containsString("Warm-up day 3")))
                .andExpect(content().string(containsString("Sending is paused: WhatsApp is not connected")))
                .andExpect(content().string(containsString("Anna &lt;b&gt;")))
                .andExpect(content().string(containsString("ask about the offer")));
    }

    @Test
    void clearsAReminder() throws Exception {
        mvc.perform(post("/home/reminders/5/clear").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk());
        verify(reminders).clear(5);
    }
}
