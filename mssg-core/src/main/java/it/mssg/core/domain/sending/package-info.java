/**
 * The pure rules of sending: the send governor (caps, spacing, warm-up, quiet hours, opt-outs, duplicates),
 * message templates with variables and spintax, opt-out keywords, tag expressions for choosing recipients,
 * and the outbox entry state machine with its crash reconciliation. No Spring, no I/O: time and randomness
 * come in as arguments so every rule is a table test.
 */
package it.mssg.core.domain.sending;
