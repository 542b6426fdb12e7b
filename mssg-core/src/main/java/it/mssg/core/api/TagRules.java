package it.mssg.core.api;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of tag names and colours, shared by commands and imports. */
public final class TagRules {

    public static final int MAX_NAME = 50;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TagRules() {
    }

    /** @return the name trimmed with inner whitespace runs collapsed; throws when it is empty, too long or has control characters */
    public static String name(String name) {
        InvalidInputException.require(name != null && !name.isBlank(), "name", "a tag needs a name");
        String n = SPACES.matcher(name.strip()).replaceAll(" ");
        InvalidInputException.require(n.length() <= MAX_NAME, "name", "tag name is longer than " + MAX_NAME + " characters");
        InvalidInputException.require(n.codePoints().noneMatch(Character::isISOControl), "name",
                "tag name contains control characters");
        return n;
    }

    /** @return the colour in lower case; throws unless it is {@code #rrggbb} */
    public static String color(String color) {
        InvalidInputException.require(color != null && COLOR.matcher(color.strip()).matches(), "color",
                "colour must look like #1a2b3c");
        return color.strip().toLowerCase(Locale.ROOT);
    }

    /** The key that makes names unique: lower case. */
    public static String key(String name) {
        return name(name).toLowerCase(Locale.ROOT);
    }
}
