package it.mssg.core.api;

/**
 * A tag to create. Name: trimmed, 1..{@value TagRules#MAX_NAME} characters, unique ignoring case.
 * Colour: {@code #rrggbb}; null picks one.
 */
public record NewTag(String name, String color) {

    public NewTag {
        name = TagRules.name(name);
        color = color == null || color.isBlank() ? null : TagRules.color(color);
    }
}
