/**
 * The reply agent's screens: knowledge base, "test a message", settings and modes ({@code /agent}), suggestions
 * inside a conversation, the "needs a human" list on Home, and the health chart ({@code /agent/health}). Also the
 * licence check that lets AUTO mode send.
 */
package it.mssg.web.agent;
