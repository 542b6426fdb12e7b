package it.mssg.agent.api;

import java.util.Map;

/** The user's rules for the agent: thresholds, hours, limits, blocked topics, and the mode per contact and tag. */
public interface AgentRules {

    AgentSettingsView settings();

    AgentSettingsView updateSettings(AgentSettingsView edit);

    /** Sets the mode for one contact, or clears it with null (the contact then follows its tags). */
    void setContactMode(long contactId, AgentMode mode);

    /** Sets the mode for one tag, or clears it with null (the tag then follows the default). */
    void setTagMode(long tagId, AgentMode mode);

    /** Contact id → mode, for contacts with a mode of their own. */
    Map<Long, AgentMode> contactModes();

    /** Tag id → mode, for tags with a mode. */
    Map<Long, AgentMode> tagModes();
}
