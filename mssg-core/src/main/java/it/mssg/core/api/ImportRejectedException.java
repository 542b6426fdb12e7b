package it.mssg.core.api;

/**
 * A CSV file as a whole cannot be previewed: too large, too many columns or rows, no phone column,
 * not text. Row-level problems never throw; they are rows of the preview. (web: 400, or 413 when
 * {@link #tooLarge()}).
 */
public class ImportRejectedException extends InvalidInputException {

    private final boolean tooLarge;

    public ImportRejectedException(String message, boolean tooLarge) {
        super("file", message);
        this.tooLarge = tooLarge;
    }

    public ImportRejectedException(String message) {
        this(message, false);
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
