package it.mssg.web.chats;

import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Chats, most recent first, and one chat's conversation, newest page first. */
@Controller
class ChatsController {

    static final int CHATS_PAGE = 50;
    static final int MESSAGES_PAGE = 40;

    private final ChatQueries chats;

    ChatsController(ChatQueries chats) {
        this.chats = chats;
    }

    @GetMapping("/chats")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("result", chats.list(text, Paging.of(page == null ? 0 : page, CHATS_PAGE)));
        return htmx != null ? "chats :: results" : "chats";
    }

    @GetMapping("/chats/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ChatView chat = chats.get(id);
        model.addAttribute("chat", chat);
        model.addAttribute("messages", chats.messages(id, Paging.of(page == null ? 0 : page, MESSAGES_PAGE)));
        return htmx != null ? "chat :: conversation" : "chat";
    }
}
