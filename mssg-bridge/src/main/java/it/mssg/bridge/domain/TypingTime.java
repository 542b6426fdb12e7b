package it.mssg.bridge.domain;

import java.time.Duration;

/**
 * How long "typing…" shows before a text is sent: a person types about {@code perCharacter} per character,
 * but never less than {@code min} nor more than {@code max}.
 */
public record TypingTime(Duration min, Duration max, Duration perCharacter) {

    public TypingTime {
        if (min.isNegative() || max.compareTo(min) < 0 || perCharacter.isNegative()) {
            throw new IllegalArgumentException("invalid typing time " + min + " " + max + " " + perCharacter);
        }
    }

    public Duration forText(String text) {
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        Duration typed = perCharacter.multipliedBy(length);
        if (typed.compareTo(min) < 0) {
            return min;
        }
        return typed.compareTo(max) > 0 ? max : typed;
    }
}
