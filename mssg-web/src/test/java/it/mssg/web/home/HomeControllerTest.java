package it.mssg.web.home;

import it.mssg.core.api.HomeCountsView;
import it.mssg.core.api.HomeQueries;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(HomeController.class)
class HomeControllerTest extends WebSliceTest {

    @MockitoBean HomeQueries home;

    @Test
    void showsCountsAndTheSessionStateThatUpdatesLive() throws Exception {
        when(home.counts()).thenReturn(new HomeCountsView(12345, 67, 3, 9));
        when(session.status()).thenReturn(new SessionStatus(SessionState.SYNCING, null, null, null, 42, "2.3000", Instant.now()));
        mvc.perform(get("/").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("12,345")))
                .andExpect(content().string(containsString("unread chats (9 messages)")))
                .andExpect(content().string(containsString("Syncing 42%")))
                .andExpect(content().string(containsString("sse-swap=\"session-panel\"")))
                .andExpect(content().string(containsString("sse-swap=\"session-chip\"")))
                .andExpect(content().string(containsString("sse-connect=\"/events\"")));
    }

    @Test
    void withoutTheBridgeTheSessionIsShownAsOff() throws Exception {
        when(home.counts()).thenReturn(new HomeCountsView(0, 0, 0, 0));
        mvc.perform(get("/").with(owner()))
                .andExpect(content().string(containsString("WhatsApp off")));
        mvc.perform(get("/").with(owner()).header("HX-Request", "true"))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"counts\"")));
    }
}
