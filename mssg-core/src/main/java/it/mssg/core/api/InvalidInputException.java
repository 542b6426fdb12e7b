package it.mssg.core.api;

/** A command or query was rejected because of its content (web: 400 problem detail). */
public class InvalidInputException extends RuntimeException {

    private final String field;

    /** @param field the offending field name (as in the command record), or null when it is the whole input */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Throws when {@code condition} is false; the helper commands and queries use to validate themselves. */
    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInputException(field, message);
        }
    }
}
