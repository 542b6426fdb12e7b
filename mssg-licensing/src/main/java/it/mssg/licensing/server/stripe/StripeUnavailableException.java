package it.mssg.licensing.server.stripe;

/** Stripe could not do what was asked (network, API error); the caller may retry later. */
public class StripeUnavailableException extends RuntimeException {

    public StripeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
