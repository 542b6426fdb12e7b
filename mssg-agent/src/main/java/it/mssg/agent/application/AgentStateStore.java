package it.mssg.agent.application;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSettingsView;
import it.mssg.agent.api.NeedsHumanView;
import it.mssg.agent.api.ReasonCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of the agent's rules and memory (implemented in {@code store/}). Ids, times and enums only. */
public interface AgentStateStore {

    /** The user's saved settings, or empty while the defaults apply. */
    Optional<AgentSettingsView> settings();

    void saveSettings(AgentSettingsView settings);

    Map<Long, AgentMode> modes(ModeScope scope);

    /** Sets a mode, or removes it when {@code mode} is null. */
    void setMode(ModeScope scope, long targetId, AgentMode mode);

    ChatMemory chat(long chatId);

    void saveChat(ChatMemory memory);

    void recordReply(long chatId, long contactId, long entryId, Instant at);

    int repliesSince(long contactId, Instant since);

    /** Puts a chat on the "needs a human" list, or refreshes its time and reason. */
    void flagNeedsHuman(long chatId, ReasonCode reason, Instant at);

    List<NeedsHumanView> needsHuman();

    void clearNeedsHuman(long chatId);
}
