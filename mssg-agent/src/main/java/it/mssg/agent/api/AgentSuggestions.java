package it.mssg.agent.api;

import java.util.List;

/**
 * Suggested replies per chat, for the conversation screen (1–3, best first). Kept in memory only: they are
 * recomputed from the knowledge base when a new message arrives, and gone after a restart.
 */
public interface AgentSuggestions {

    List<SuggestionView> forChat(long chatId);

    void dismiss(long chatId);
}
