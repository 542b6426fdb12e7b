/**
 * What web (and any other module) may use of the agent: {@link it.mssg.agent.api.KnowledgeBase} (entries and the
 * "test a message" box), {@link it.mssg.agent.api.AgentRules} (settings, mode per contact and tag),
 * {@link it.mssg.agent.api.AgentSuggestions} (1–3 suggestions per chat), {@link it.mssg.agent.api.NeedsHumanList}
 * and {@link it.mssg.agent.api.AgentHealth} (daily counters and status). Scores are on the embedding stores'
 * {@code (cosine + 1) / 2} scale.
 */
package it.mssg.agent.api;
