package it.mssg.web.firstrun;

import it.mssg.core.api.Acknowledgement;
import it.mssg.core.api.AcknowledgementView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {FirstRunController.class, FirstRunTest.Screens.class})
@org.springframework.context.annotation.Import(FirstRunTest.Screens.class)
class FirstRunTest extends WebSliceTest {

    /** Stands for the app's screens: the first-run interceptor acts on any handled path before its controller. */
    @org.springframework.stereotype.Controller
    static class Screens {
        @org.springframework.web.bind.annotation.GetMapping({"/", "/contacts"})
        @org.springframework.web.bind.annotation.ResponseBody
        String screen() {
            return "a screen";
        }
    }

    @BeforeEach
    void notAcceptedYet() {
        when(settings.acknowledged()).thenReturn(false);
    }

    @Test
    void everyScreenLeadsToTheFirstRunPage() throws Exception {
        mvc.perform(get("/").with(owner())).andExpect(redirectedUrl("/welcome"));
        mvc.perform(get("/contacts").with(owner())).andExpect(redirectedUrl("/welcome"));
        mvc.perform(get("/contacts").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Redirect", "/welcome"));
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
    }

    @Test
    void thePageShowsThePromiseTheTermsAndTheThreeBoxes() throws Exception {
        mvc.perform(get("/welcome").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("privacy promise")))
                .andExpect(content().string(containsString("I am 18 or older")))
                .andExpect(content().string(containsString("name=\"termsVersion\" value=\"1\"")));
    }

    @Test
    void acceptingAllThreeStoresItAndOpensHome() throws Exception {
        when(settings.acknowledge(any())).thenReturn(new AcknowledgementView("1", Instant.now()));
        mvc.perform(post("/welcome").with(owner()).with(csrf())
                        .param("terms", "true").param("privacy", "true").param("adult", "true").param("termsVersion", "1"))
                .andExpect(redirectedUrl("/"));
        verify(settings).acknowledge(new Acknowledgement(true, true, true, "1"));
    }

    @Test
    void aMissingBoxSaysWhichAndStoresNothing() throws Exception {
        mvc.perform(post("/welcome").with(owner()).with(csrf())
                        .param("terms", "true").param("privacy", "true").param("termsVersion", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("18 or over")));
        verify(settings, never()).acknowledge(any());
    }
}
