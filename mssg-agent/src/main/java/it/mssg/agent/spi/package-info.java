/**
 * Ports the agent needs from outside: {@link it.mssg.agent.spi.AgentReplySender}, the outbox's entrance for
 * automatic answers (implemented by {@code it.mssg.agent.outbox.OutboxReplySender} on core's {@code SendMessages}),
 * and {@link it.mssg.agent.spi.AutoModeLicence}, whether the licence lets AUTO mode send (implemented by web from
 * licensing's entitlements).
 */
package it.mssg.agent.spi;
