package it.mssg.core.api;

/** The first-run form: all three boxes must be ticked; {@code termsVersion} is the version that was shown. */
public record Acknowledgement(boolean termsAccepted, boolean privacyAccepted, boolean adult, String termsVersion) {

    public Acknowledgement {
        InvalidInputException.require(termsAccepted, "termsAccepted", "please accept the terms");
        InvalidInputException.require(privacyAccepted, "privacyAccepted", "please confirm you have read the privacy promise");
        InvalidInputException.require(adult, "adult", "mssg is for people aged 18 or over");
        InvalidInputException.require(termsVersion != null && !termsVersion.isBlank(), "termsVersion", "terms version missing");
        InvalidInputException.require(termsVersion.length() <= 40, "termsVersion", "not a terms version: longer than 40 characters");
        termsVersion = termsVersion.strip();
    }
}
