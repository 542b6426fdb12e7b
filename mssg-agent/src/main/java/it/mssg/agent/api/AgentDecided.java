package it.mssg.agent.api;

/**
 * The agent decided on an inbound message (a Spring application event, published on the agent's thread after
 * everything is stored). Web can refresh a chat's suggestions, the "needs a human" list or the health chart.
 * Ids and enums only.
 */
public record AgentDecided(long chatId, long messageId, ReplyOutcome outcome, ReasonCode reason, boolean needsHuman) {
}
