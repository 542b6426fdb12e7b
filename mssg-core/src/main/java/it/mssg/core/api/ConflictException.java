package it.mssg.core.api;

/** The input is well-formed but clashes with stored data, e.g. a tag name already in use (web: 409). */
public class ConflictException extends InvalidInputException {

    public ConflictException(String field, String message) {
        super(field, message);
    }
}
