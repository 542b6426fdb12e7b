package it.mssg.agent.application;

import it.mssg.agent.api.AgentSuggestions;
import it.mssg.agent.api.SuggestionView;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latest suggestions per chat, in memory only, for the most recently active chats. */
@Service
class SuggestionBook implements AgentSuggestions {

    static final int MAX_CHATS = 500;
    static final int MAX_PER_CHAT = 3;

    private final Map<Long, List<SuggestionView>> byChat = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<SuggestionView>> eldest) {
            return size() > MAX_CHATS;
        }
    };

    @Override
    public synchronized List<SuggestionView> forChat(long chatId) {
        return byChat.getOrDefault(chatId, List.of());
    }

    @Override
    public synchronized void dismiss(long chatId) {
        byChat.remove(chatId);
    }

    synchronized void put(long chatId, List<SuggestionView> suggestions) {
        if (suggestions.isEmpty()) byChat.remove(chatId);
        else byChat.put(chatId, List.copyOf(suggestions.subList(0, Math.min(MAX_PER_CHAT, suggestions.size()))));
    }
}
