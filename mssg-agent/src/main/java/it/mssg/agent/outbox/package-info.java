/** The adapter that hands the agent's automatic answers to core's outbox ({@link it.mssg.core.api.SendMessages}). */
package it.mssg.agent.outbox;
