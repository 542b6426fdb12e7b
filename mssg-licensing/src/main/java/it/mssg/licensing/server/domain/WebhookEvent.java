package it.mssg.licensing.server.domain;

/** A Stripe event whose signature has been checked: its id, type and the id of the object it is about. */
public record WebhookEvent(String id, String type, String objectId) {
}
