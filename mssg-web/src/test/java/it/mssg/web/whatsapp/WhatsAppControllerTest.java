package it.mssg.web.whatsapp;

import it.mssg.core.api.BlockedRequestsView;
import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(WhatsAppController.class)
class WhatsAppControllerTest extends WebSliceTest {

    @MockitoBean SessionWindow window;

    @BeforeEach
    void nothingBlockedYet() {
        when(session.blockedRequests()).thenReturn(BlockedRequestsView.NONE);
    }

    @Test
    void blockedRequestsAreCountedByCategoryWithTheirHosts() throws Exception {
        when(session.blockedRequests()).thenReturn(new BlockedRequestsView(4, 2, 1, 1, List.of(
                new BlockedRequestsView.Host("analytics.google.com", BlockedRequestsView.Category.ANALYTICS, 2),
                new BlockedRequestsView.Host("crashlogs.whatsapp.net", BlockedRequestsView.Category.CRASH_LOGS, 1),
                new BlockedRequestsView.Host("<b>evil</b>.tld", BlockedRequestsView.Category.NOT_ALLOWED, 1))));
        mvc.perform(get("/whatsapp").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Blocked requests: 4 (analytics 2, crash logs 1, other hosts 1)")))
                .andExpect(content().string(containsString("<td>crashlogs.whatsapp.net</td>")))
                .andExpect(content().string(containsString("<td>not a WhatsApp host</td>")))
                .andExpect(content().string(containsString("&lt;b&gt;evil&lt;/b&gt;.tld")))
                .andExpect(content().string(not(containsString("<b>evil</b>"))))
                .andExpect(content().string(containsString("hx-get=\"/whatsapp/blocked\"")));
        mvc.perform(get("/whatsapp/blocked").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Blocked requests: 4")))
                .andExpect(content().string(not(containsString("<h1>"))));
    }

    @Test
    void nothingBlockedSaysSoWithoutATable() throws Exception {
        mvc.perform(get("/whatsapp/blocked").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Blocked requests: 0")))
                .andExpect(content().string(not(containsString("<table"))));
    }

    @Test
    void aQrIsDrawnWhenAScanIsNeeded() throws Exception {
        when(session.status()).thenReturn(new SessionStatus(SessionState.QR_REQUIRED, null, "2@abc,def,ghi==",
                Instant.now().plusSeconds(20), 0, null, Instant.now()));
        when(session.simulatorControlUrl()).thenReturn(Optional.of("http://127.0.0.1:8080/simulator/control"));
        mvc.perform(get("/whatsapp").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"data:image/svg+xml;base64,")))
                .andExpect(content().string(containsString("Scan the QR code")))
                .andExpect(content().string(containsString("href=\"http://127.0.0.1:8080/simulator/control\"")))
                .andExpect(content().string(containsString("sse-connect=\"/whatsapp/stream\"")))
                .andExpect(content().string(containsString("sse-swap=\"frame\"")));
    }

    @Test
    void stoppedAndDisconnectedAreSaidInWords() throws Exception {
        when(session.simulatorControlUrl()).thenReturn(Optional.empty());
        mvc.perform(get("/whatsapp").with(owner()))
                .andExpect(content().string(containsString("The WhatsApp session is not running.")))
                .andExpect(content().string(not(containsString("data:image/svg+xml"))))
                .andExpect(content().string(not(containsString("simulator"))));
        when(session.status()).thenReturn(new SessionStatus(SessionState.DISCONNECTED, DisconnectReason.PROFILE_LOCKED,
                null, null, 0, null, Instant.now()));
        mvc.perform(get("/whatsapp").with(owner()))
                .andExpect(content().string(containsString("in use by another program")));
    }

    @Test
    void buttonsControlTheSession() throws Exception {
        mvc.perform(post("/whatsapp/restart").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Trigger", containsString("Restarting")));
        verify(session).restart();
        mvc.perform(post("/whatsapp/logout").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNoContent());
        verify(session).logout();
        mvc.perform(post("/whatsapp/visible").with(owner()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        verify(session).openVisibleWindow();
    }
}
