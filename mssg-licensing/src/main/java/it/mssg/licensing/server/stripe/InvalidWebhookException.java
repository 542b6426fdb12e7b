package it.mssg.licensing.server.stripe;

/** A webhook request that is not a genuine, fresh Stripe event. */
public class InvalidWebhookException extends RuntimeException {

    public InvalidWebhookException(String message) {
        super(message);
    }
}
