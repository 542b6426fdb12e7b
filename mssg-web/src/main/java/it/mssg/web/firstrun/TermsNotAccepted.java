package it.mssg.web.firstrun;

/** An API request before the current terms were accepted: answered 403, saying how to accept them. */
public class TermsNotAccepted extends RuntimeException {

    private final String currentTermsVersion;

    public TermsNotAccepted(String currentTermsVersion) {
        super("terms of use version " + currentTermsVersion + " not accepted yet");
        this.currentTermsVersion = currentTermsVersion;
    }

    public String currentTermsVersion() {
        return currentTermsVersion;
    }
}
