package it.mssg.web.api;

import it.mssg.core.api.Acknowledgement;
import it.mssg.core.api.AcknowledgementView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Before the first-run acknowledgement the API answers only at /api/terms, where a script can give it. */
@WebMvcTest(controllers = {TermsApi.class, SessionApi.class, ApiFallback.class})
class TermsApiTest extends WebSliceTest {

    @BeforeEach
    void notAcceptedYet() {
        when(settings.acknowledged()).thenReturn(false);
    }

    @Test
    void everyOtherEndpointAnswers403SayingHowToAccept() throws Exception {
        for (String path : new String[]{"/api/session", "/api/no-such-endpoint"}) {
            mvc.perform(get(path).with(bearer()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.title").value("Terms not accepted"))
                    .andExpect(jsonPath("$.termsVersion").value("1"))
                    .andExpect(jsonPath("$.detail").value(containsString("POST /api/terms")));
        }
        mvc.perform(post("/api/session/logout").with(bearer())).andExpect(status().isForbidden());
        verify(session, never()).logout();
    }

    @Test
    void theTermsAnswerWithTheVersionToAcceptButStillNeedTheToken() throws Exception {
        mvc.perform(get("/api/terms").with(bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(false))
                .andExpect(jsonPath("$.currentVersion").value("1"))
                .andExpect(jsonPath("$.howToAccept").value(org.hamcrest.Matchers.containsString("\"termsVersion\": \"1\"")));
        mvc.perform(get("/api/terms")).andExpect(status().isUnauthorized());
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD) // the app remembers an acceptance while it runs
    void aScriptAcceptsWithAllThreeBoxesAndTheApiOpens() throws Exception {
        when(settings.acknowledge(any())).thenReturn(new AcknowledgementView("1", Instant.now()));
        mvc.perform(post("/api/terms").with(bearer()).contentType("application/json")
                        .content("{\"termsAccepted\": true, \"privacyAccepted\": true, \"adult\": true, \"termsVersion\": \"1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentVersion").value("1"));
        verify(settings).acknowledge(new Acknowledgement(true, true, true, "1"));
        when(settings.acknowledged()).thenReturn(true);
        mvc.perform(get("/api/session").with(bearer())).andExpect(status().isOk());
    }

    @Test
    void aScriptThatLeavesABoxOutIsToldWhichAndNothingIsStored() throws Exception {
        mvc.perform(post("/api/terms").with(bearer()).contentType("application/json")
                        .content("{\"termsAccepted\": true, \"privacyAccepted\": true, \"termsVersion\": \"1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("adult"))
                .andExpect(jsonPath("$.detail").value(containsString("18 or over")));
        mvc.perform(post("/api/terms").with(bearer()).contentType("application/json").content("[]"))
                .andExpect(status().isBadRequest());
        verify(settings, never()).acknowledge(any());
    }
}
