/**
 * Ports the agent needs from outside: {@link it.mssg.agent.spi.AgentReplySender}, the outbox's entrance for
 * automatic answers.
 */
package it.mssg.agent.spi;
