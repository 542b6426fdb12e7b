package it.mssg.web.agent;

import it.mssg.agent.api.AgentSuggestions;
import it.mssg.agent.api.NeedsHumanList;
import it.mssg.agent.api.ReasonCode;
import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's pieces on other screens, as htmx fragments: suggestions in a conversation and the "needs a human"
 * list on Home. Both refresh when the agent decides (SSE {@code agent-decided}).
 */
@Controller
class AgentInlineController {

    private final AgentSuggestions suggestions;
    private final NeedsHumanList needsHuman;
    private final ChatQueries chats;

    AgentInlineController(AgentSuggestions suggestions, NeedsHumanList needsHuman, ChatQueries chats) {
        this.suggestions = suggestions;
        this.needsHuman = needsHuman;
        this.chats = chats;
    }

    /** A chat on the "needs a human" list, with the name to show (from WhatsApp: escaped by the template). */
    record NeedsHumanRow(long chatId, String chatName, ReasonCode reason, String why, Instant flaggedAt) {
    }

    @GetMapping("/agent/suggestions/{chatId}")
    String suggestions(@PathVariable long chatId, Model model) {
        chats.get(chatId); // an unknown chat is a 404, not an empty answer
        model.addAttribute("chatId", chatId);
        model.addAttribute("suggestions", suggestions.forChat(chatId));
        return "fragments/agent :: suggestions";
    }

    @PostMapping("/agent/suggestions/{chatId}/dismiss")
    String dismiss(@PathVariable long chatId, Model model) {
        chats.get(chatId);
        suggestions.dismiss(chatId);
        return suggestions(chatId, model);
    }

    @GetMapping("/agent/needs-human")
    String needsHuman(Model model) {
        List<NeedsHumanRow> rows = new ArrayList<>();
        needsHuman.list().forEach(n -> {
            String name;
            try {
                ChatView chat = chats.get(n.chatId());
                name = chat.name() != null && !chat.name().isBlank() ? chat.name() : chat.waId();
            } catch (NotFoundException e) {
                return; // the chat was deleted
            }
            rows.add(new NeedsHumanRow(n.chatId(), name, n.reason(), Reasons.sentence(n.reason()), n.flaggedAt()));
        });
        model.addAttribute("needsHuman", rows);
        return "fragments/agent :: needs-human";
    }

    @PostMapping("/agent/needs-human/{chatId}/clear")
    String clear(@PathVariable long chatId, Model model) {
        chats.get(chatId);
        needsHuman.clear(chatId);
        return needsHuman(model);
    }
}
