package it.mssg.licensing.api;

/** A licensing action that could not be done; the message is meant for the user. Nothing stored is lost. */
public class LicensingException extends RuntimeException {

    public LicensingException(String message) {
        super(message);
    }

    public LicensingException(String message, Throwable cause) {
        super(message, cause);
    }
}
