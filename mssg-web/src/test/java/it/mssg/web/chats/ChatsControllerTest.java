package it.mssg.web.chats;

import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageStatus;
import it.mssg.core.api.MessageView;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ChatsController.class)
class ChatsControllerTest extends WebSliceTest {

    @MockitoBean ChatQueries chats;

    ChatView group = new ChatView(5, "123@g.us", "Family <3 \u202Eolleh", true, 2, Instant.parse("2026-11-29T10:00:00Z"), null);

    @BeforeEach
    void data() {
        when(chats.list(any(), any())).thenReturn(new PageView<>(List.of(group), 0, 50, 1));
        when(chats.get(5)).thenReturn(group);
        when(chats.messages(eq(5L), any())).thenReturn(new PageView<>(List.of(
                new MessageView(11, 5, "b", MessageDirection.INBOUND, "39333@c.us", "newest <i>hi</i>", "chat",
                        Instant.parse("2026-11-29T10:00:00Z"), MessageStatus.PENDING),
                new MessageView(10, 5, "a", MessageDirection.OUTBOUND, null, null, "image",
                        Instant.parse("2026-11-29T09:00:00Z"), MessageStatus.DELIVERED)), 0, 40, 90));
    }

    @Test
    void listsChatsWithUnreadCounts() throws Exception {
        mvc.perform(get("/chats").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Family &lt;3 \u202Eolleh")))
                .andExpect(content().string(containsString("class=\"unread\">2<")));
        mvc.perform(get("/chats").param("q", " fam ").with(owner()).header("HX-Request", "true"))
                .andExpect(content().string(not(containsString("<html"))));
        verify(chats).list(eq("fam"), any());
    }

    @Test
    void aChatShowsItsPageOldestFirstWithAuthorsAndTypes() throws Exception {
        String html = mvc.perform(get("/chats/5").with(owner()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("newest &lt;i&gt;hi&lt;/i&gt;").contains("(image)").contains("39333@c.us")
                .contains("delivered").contains("Older messages").contains("sse:message-received");
        assertThat(html).as("ticks belong to what we sent, not to what we received").doesNotContain(">pending<");
        assertThat(html.indexOf("(image)")).isLessThan(html.indexOf("newest &lt;i&gt;"));
    }

    @Test
    void olderPagesDoNotRefreshThemselves() throws Exception {
        when(chats.messages(5, Paging.of(1, ChatsController.MESSAGES_PAGE)))
                .thenReturn(new PageView<>(List.of(), 1, 40, 90));
        mvc.perform(get("/chats/5").param("page", "1").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("sse:message-received"))))
                .andExpect(content().string(containsString("Newer messages")));
    }
}
