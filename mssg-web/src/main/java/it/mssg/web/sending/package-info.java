/**
 * The REST API of sending: messages through the outbox, the outbox itself, campaigns, templates, quick replies,
 * follow-up reminders and the send governor's settings. Bearer token, JSON, errors as problem details.
 */
package it.mssg.web.sending;
