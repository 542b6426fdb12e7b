package it.mssg.licensing.server;

/** No licence with that key. */
class LicenceNotFoundException extends RuntimeException {

    LicenceNotFoundException() {
        super("No licence with that key.");
    }
}
