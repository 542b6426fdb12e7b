/**
 * The pure rules of sending: the send governor (caps, spacing, warm-up, quiet hours, opt-outs, duplicates),
 * message templates with variables and spintax, opt-out keywords, tag expressions for choosing recipients,
 * campaign dry runs, and the outbox entry state machine with its crash reconciliation. No Spring, no I/O: time
 * and randomness come in as arguments so every rule is a table test.
 *
 * <p>How the outbox uses it:
 * <ol>
 *   <li>Enqueue: check the text ({@link it.mssg.core.domain.sending.RenderResult#plain} or
 *       {@link it.mssg.core.domain.sending.MessageTemplate#render}), compute
 *       {@link it.mssg.core.domain.sending.IdempotencyKey#of} and store the entry QUEUED with
 *       {@link it.mssg.core.domain.sending.TextFingerprint#of} of its text; a second insert with the same key
 *       returns the first entry.</li>
 *   <li>Send loop: build {@link it.mssg.core.domain.sending.SendHistory} from entries that left within
 *       {@link it.mssg.core.domain.sending.GovernorSettings#historyLookback()} (plus the failure streak and the
 *       number's link time), ask {@link it.mssg.core.domain.sending.SendGovernor#verdict} for the next entry:
 *       ALLOW → wait until its time, {@link it.mssg.core.domain.sending.SendGovernor#confirm}, move to SENDING,
 *       call the gateway; WAIT → keep QUEUED, show the reason, ask again at its time; HOLD → keep QUEUED until
 *       the session is READY or the user resumes; BLOCK → BLOCKED with the reason.</li>
 *   <li>Start-up: {@link it.mssg.core.domain.sending.OutboxEntryState#atStartUp()} turns SENDING into
 *       UNCERTAIN; {@link it.mssg.core.domain.sending.Reconciliation#reconcile} on the chat's recent messages
 *       settles each one (SENT, back to QUEUED, or fetch more) before the send loop starts.</li>
 *   <li>Inbound: {@link it.mssg.core.domain.sending.OptOutKeywords#matches} marks the contact opted out; the
 *       confirmation is enqueued with purpose OPT_OUT_CONFIRMATION.</li>
 * </ol>
 */
package it.mssg.core.domain.sending;
