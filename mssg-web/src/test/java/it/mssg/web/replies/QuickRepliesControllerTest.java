package it.mssg.web.replies;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.QuickReplies;
import it.mssg.core.api.QuickReplyView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(QuickRepliesController.class)
class QuickRepliesControllerTest extends WebSliceTest {

    static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

    @MockitoBean QuickReplies quickReplies;

    @BeforeEach
    void data() {
        when(quickReplies.list(null)).thenReturn(List.of(new QuickReplyView(1, "hours", "Open <9-18>", NOW)));
    }

    @Test
    void listsQuickRepliesAsPageAndAsFragment() throws Exception {
        mvc.perform(get("/quick-replies").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("value=\"hours\"")))
                .andExpect(content().string(containsString("Open &lt;9-18&gt;")));
        mvc.perform(get("/quick-replies").with(owner()).header("HX-Request", "true"))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"reply-list\"")));
    }

    @Test
    void createsWithoutTheSlashPeopleType() throws Exception {
        when(quickReplies.create("thanks", "Thank you!")).thenReturn(new QuickReplyView(2, "thanks", "Thank you!", NOW));
        mvc.perform(post("/quick-replies").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("shortcut", " /thanks").param("body", "Thank you!"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Saved /thanks")));
    }

    @Test
    void aTakenShortcutKeepsTheFormAndSaysWhy() throws Exception {
        when(quickReplies.create("hours", "x")).thenThrow(new ConflictException("shortcut", "/hours exists already"));
        mvc.perform(post("/quick-replies").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("shortcut", "hours").param("body", "x"))
                .andExpect(status().is(422))
                .andExpect(header().string("HX-Reswap", "none"))
                .andExpect(header().string("HX-Trigger", containsString("exists already")));
    }

    @Test
    void deletesWithoutHtmxShowingThePageWithAToast() throws Exception {
        mvc.perform(post("/quick-replies/1/delete").with(owner()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("data-toast=\"Deleted the quick reply.\"")));
        verify(quickReplies).delete(1);
    }

    @Test
    void withoutTheCsrfTokenNothingChanges() throws Exception {
        mvc.perform(post("/quick-replies/1/delete").with(owner())).andExpect(status().isForbidden());
        verify(quickReplies, never()).delete(anyLong());
    }
}
