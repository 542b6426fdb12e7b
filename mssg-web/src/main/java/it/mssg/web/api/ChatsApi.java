package it.mssg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.MessageView;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/chats")
@Tag(name = "Chats")
class ChatsApi {

    private final ChatQueries chats;

    ChatsApi(ChatQueries chats) {
        this.chats = chats;
    }

    @GetMapping
    @Operation(summary = "Chats, most recent activity first; q filters by name")
    PageView<ChatView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        return chats.list(q == null || q.isBlank() ? null : q.strip(), Paging.ofNullable(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One chat")
    ChatView get(@PathVariable long id) {
        return chats.get(id);
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "Messages of a chat, newest first")
    PageView<MessageView> messages(@PathVariable long id, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return chats.messages(id, Paging.ofNullable(page, size));
    }
}
