package it.mssg.web.outbox;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.OutboxStatusView;
import it.mssg.core.api.PageView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OutboxController.class)
class OutboxControllerTest extends WebSliceTest {

    @MockitoBean OutboxQueries outbox;
    @MockitoBean OutboxCommands commands;

    static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    static OutboxEntryView entry(long id, OutboxState state, String reason, String reasonText, String detail, String body) {
        return new OutboxEntryView(id, state, reason, reasonText, detail, "SCHEDULED", 7L, "Anna <b>", "393331234567@c.us",
                body, null, T.plusSeconds(3600), null, null, T, T);
    }

    @BeforeEach
    void data() {
        when(outbox.status()).thenReturn(new OutboxStatusView(null, null, 0, 1, 0, 3));
        when(outbox.timeZone()).thenReturn(ZoneId.of("Europe/Rome"));
    }

    @Test
    void listsWhatWaitsWithWhyAndTheActionsItsStateAllows() throws Exception {
        when(outbox.list(eq(OutboxState.QUEUED), isNull(), any())).thenReturn(new PageView<>(List.of(
                entry(1, OutboxState.QUEUED, "QUIET_HOURS", "waits for the end of quiet hours", null, "Buongiorno <script>x</script>"),
                entry(2, OutboxState.BLOCKED, "OPTED_OUT", "The recipient opted out", "the recipient opted out", "Offerta")),
                0, 50, 2));
        mvc.perform(get("/outbox").param("state", "QUEUED").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Buongiorno &lt;script&gt;x&lt;/script&gt;")))
                .andExpect(content().string(containsString("Anna &lt;b&gt;")))
                .andExpect(content().string(containsString("waits for the end of quiet hours")))
                .andExpect(content().string(not(containsString(">the recipient opted out<"))))
                .andExpect(content().string(containsString("action=\"/outbox/1/cancel?state=QUEUED&amp;page=0\"")))
                .andExpect(content().string(containsString("action=\"/outbox/2/retry?state=QUEUED&amp;page=0\"")))
                .andExpect(content().string(containsString("Europe/Rome")));
    }

    @Test
    void cancellingRedirectsBackToTheSameListAndAMessageThatLeftMeanwhileIsSaidSo() throws Exception {
        MvcResult done = mvc.perform(post("/outbox/1/cancel").param("state", "QUEUED").param("page", "2").with(owner()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/outbox?state=QUEUED&page=2"))
                .andReturn();
        verify(commands).cancel(1);
        assertThat(done.getFlashMap().get("toast")).isEqualTo("Cancelled: it will not be sent.");

        when(commands.retry(3)).thenThrow(new ConflictException("state", "only a failed or blocked message can be sent again (it is SENT)"));
        MvcResult refused = mvc.perform(post("/outbox/3/retry").with(owner()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/outbox"))
                .andReturn();
        assertThat(refused.getFlashMap().get("toastLevel")).isEqualTo("error");
        assertThat((String) refused.getFlashMap().get("toast")).contains("it is SENT");
    }

    @Test
    void anEmptyFilterSaysSoAndAPostNeedsTheToken() throws Exception {
        when(outbox.list(eq(OutboxState.FAILED), isNull(), any())).thenReturn(new PageView<>(List.of(), 0, 50, 0));
        mvc.perform(get("/outbox").param("state", "FAILED").with(owner()))
                .andExpect(content().string(containsString("No message is failed.")));
        mvc.perform(post("/outbox/1/cancel").with(owner())).andExpect(status().isForbidden());
        verify(commands, never()).cancel(1);
    }
}
