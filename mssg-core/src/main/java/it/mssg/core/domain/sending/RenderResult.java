package it.mssg.core.domain.sending;

/**
 * A template rendered for one recipient: the text, or why that recipient gets nothing (fail closed).
 *
 * @param variable the variable without a value, for {@link Failure#MISSING_VALUE}
 */
public record RenderResult(String text, Failure failure, String variable) {

    public enum Failure {
        /** A variable had no value and no fallback. */
        MISSING_VALUE,
        /** Nothing but white space came out. */
        EMPTY_TEXT,
        /** Longer than {@link MessageTemplate#MAX_TEXT_LENGTH}. */
        TOO_LONG
    }

    public RenderResult {
        if ((text == null) == (failure == null)) {
            throw new IllegalArgumentException("a render result is either a text or a failure");
        }
    }

    /**
     * A hand-typed text (reply box, API) checked by the same rules as a rendered template: not blank and at
     * most {@link MessageTemplate#MAX_TEXT_LENGTH} characters (code points). Kept as typed except for white
     * space at both ends; braces in it are text, not template syntax.
     */
    public static RenderResult plain(String text) {
        String stripped = text == null ? "" : text.strip();
        if (showsNothing(stripped)) {
            return failed(Failure.EMPTY_TEXT, null);
        }
        if (stripped.codePointCount(0, stripped.length()) > MessageTemplate.MAX_TEXT_LENGTH) {
            return failed(Failure.TOO_LONG, null);
        }
        return rendered(stripped);
    }

    /**
     * Whether a text would arrive as an empty-looking message: nothing but white space, invisible format characters
     * (zero-width space and joiners, word joiner, byte order mark), controls, or the blank letters that pass for
     * text (Hangul fillers, the blank Braille pattern).
     */
    static boolean showsNothing(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.isISOControl(c)
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800);
    }

    static RenderResult rendered(String text) {
        return new RenderResult(text, null, null);
    }

    static RenderResult failed(Failure failure, String variable) {
        return new RenderResult(null, failure, variable);
    }

    public boolean ok() {
        return failure == null;
    }

    /** A sentence for the dry run and the preview. */
    public String message() {
        if (failure == null) {
            return "ok";
        }
        return switch (failure) {
            case MISSING_VALUE -> "no value for {{" + variable + "}} and no fallback";
            case EMPTY_TEXT -> "the message would be empty";
            case TOO_LONG -> "the message would be longer than " + MessageTemplate.MAX_TEXT_LENGTH + " characters";
        };
    }
}
