package it.mssg.core.domain.sending;

/**
 * One thing wrong with a template's text.
 *
 * @param index  0-based character index in the template where the problem starts
 * @param line   1-based line of {@code index}
 * @param column 1-based column of {@code index}
 */
public record TemplateProblem(int index, int line, int column, String message) {

    static TemplateProblem at(String source, int index, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new TemplateProblem(index, line, column, message);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
