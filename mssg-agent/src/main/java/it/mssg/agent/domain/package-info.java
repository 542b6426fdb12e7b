/**
 * The agent's rules as pure functions: {@link it.mssg.agent.domain.ReplyPolicy} (the decision, gate by gate),
 * whole-word text rules, bursts, the answer template and the personal-data scan.
 */
package it.mssg.agent.domain;
