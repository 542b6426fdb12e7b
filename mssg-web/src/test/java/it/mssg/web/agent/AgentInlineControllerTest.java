package it.mssg.web.agent;

import it.mssg.agent.api.AgentSuggestions;
import it.mssg.agent.api.NeedsHumanList;
import it.mssg.agent.api.NeedsHumanView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.SuggestionView;
import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.NotFoundException;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AgentInlineController.class)
class AgentInlineControllerTest extends WebSliceTest {

    @MockitoBean AgentSuggestions suggestions;
    @MockitoBean NeedsHumanList needsHuman;
    @MockitoBean ChatQueries chats;

    @Test
    void suggestionsAreAFragmentWhoseButtonsCarryTheEscapedText() throws Exception {
        when(suggestions.forChat(3)).thenReturn(List.of(
                new SuggestionView(3, 30, SuggestionView.Source.APPROVED_ANSWER, 5L, "Hi <b>Anna</b>, we open at 9.", 0.93, Instant.EPOCH),
                new SuggestionView(3, 30, SuggestionView.Source.DRAFT, null, "Maybe tomorrow?", 0, Instant.EPOCH)));
        mvc.perform(get("/agent/suggestions/3").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("data-text=\"Hi &lt;b&gt;Anna&lt;/b&gt;, we open at 9.\"")))
                .andExpect(content().string(not(containsString("<b>Anna"))))
                .andExpect(content().string(containsString("data-suggestion")))
                .andExpect(content().string(containsString(">draft<")));
    }

    @Test
    void noSuggestionsLeaveAnEmptyFragment() throws Exception {
        when(suggestions.forChat(4)).thenReturn(List.of());
        mvc.perform(get("/agent/suggestions/4").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Suggested replies"))));
    }

    @Test
    void anUnknownChatIsNotFoundRatherThanAnEmptyAnswer() throws Exception {
        when(chats.get(99)).thenThrow(new NotFoundException("chat", 99));
        mvc.perform(get("/agent/suggestions/99").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/agent/suggestions/99/dismiss").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/agent/needs-human/99/clear").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        verify(suggestions, never()).dismiss(99);
        verify(needsHuman, never()).clear(99);
    }

    @Test
    void dismissNeedsCsrf() throws Exception {
        mvc.perform(post("/agent/suggestions/3/dismiss").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        verify(suggestions, never()).dismiss(3);
        mvc.perform(post("/agent/suggestions/3/dismiss").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk());
        verify(suggestions).dismiss(3);
    }

    @Test
    void needsAHumanListsChatsWithLinkReasonAndTimeAndClears() throws Exception {
        when(needsHuman.list()).thenReturn(List.of(new NeedsHumanView(7, ReasonCode.BLOCKED_TOPIC, Instant.parse("2026-11-29T18:00:00Z")),
                new NeedsHumanView(8, ReasonCode.BLOCKED_TOPIC, Instant.parse("2026-11-29T17:00:00Z"))));
        when(chats.get(7)).thenReturn(new ChatView(7, "393330000003@c.us", "Giulia <i>Rossi</i>", false, 0, Instant.EPOCH, 2L));
        when(chats.get(8)).thenThrow(new NotFoundException("chat", 8));
        mvc.perform(get("/agent/needs-human").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/chats/7\"")))
                .andExpect(content().string(containsString("Giulia &lt;i&gt;Rossi&lt;/i&gt;")))
                .andExpect(content().string(containsString("only a human should answer")))
                .andExpect(content().string(containsString("2026-11-29")))
                .andExpect(content().string(containsString("hx-post=\"/agent/needs-human/7/clear\"")))
                .andExpect(content().string(not(containsString("/chats/8"))));

        when(needsHuman.list()).thenReturn(List.of());
        mvc.perform(post("/agent/needs-human/7/clear").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing waits for you")));
        verify(needsHuman).clear(7);
    }

    @Test
    void aChatWhoseAnswerCouldNotBeFilledInSaysWhy() throws Exception {
        when(needsHuman.list()).thenReturn(List.of(new NeedsHumanView(7, ReasonCode.ANSWER_UNUSABLE,
                Instant.parse("2026-11-29T18:00:00Z"))));
        when(chats.get(7)).thenReturn(new ChatView(7, "393330000003@c.us", "Giulia", false, 0, Instant.EPOCH, 2L));
        mvc.perform(get("/agent/needs-human").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/chats/7\"")))
                .andExpect(content().string(containsString("could not be filled in completely")));
    }
}
