package it.mssg.web.whatsapp;

import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
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
