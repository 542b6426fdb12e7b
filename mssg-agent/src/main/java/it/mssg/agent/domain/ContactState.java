package it.mssg.agent.domain;

import it.mssg.agent.api.AgentMode;

import java.time.Instant;
import java.util.List;

/**
 * What the decision needs to know about the sender and the agent's history in this chat.
 *
 * @param known             the sender is a contact in the local database
 * @param contactMode       the mode set on this contact, or null to follow its tags
 * @param tagModes          modes set on the contact's tags (tags without a mode are left out)
 * @param lastManualReplyAt when someone last replied by hand in this chat, or null
 * @param answeredBurstAt   when the burst the agent last answered in this chat began, or null
 * @param agentRepliesToday answers the agent sent to this contact since midnight in the settings' zone
 * @param burstStartedAt    when the burst of inbound messages this one belongs to began
 */
public record ContactState(boolean known, boolean optedOut, AgentMode contactMode, List<AgentMode> tagModes,
                           Instant lastManualReplyAt, Instant answeredBurstAt, int agentRepliesToday,
                           Instant burstStartedAt) {
    public ContactState {
        tagModes = tagModes == null ? List.of() : List.copyOf(tagModes);
        if (agentRepliesToday < 0) throw new IllegalArgumentException("agentRepliesToday must be 0 or more");
    }

    /** The contact's own mode wins; else the most cautious of its tags' modes; else the default. */
    public AgentMode effectiveMode(AgentMode defaultMode) {
        if (contactMode != null) return contactMode;
        return tagModes.stream().reduce(AgentMode::mostCautious).orElse(defaultMode);
    }
}
