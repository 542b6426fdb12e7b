package it.mssg.core.api;

import java.util.Set;

/**
 * Which contacts: {@code text} matches a fragment of the name, push name or number (digits of the number
 * match with or without {@code +}, spaces or dashes), case-insensitive; {@code tagIds} keeps contacts that
 * carry ALL the given tags. Null or blank text and an empty set mean "no filter".
 */
public record ContactFilter(String text, Set<Long> tagIds) {

    public static final int MAX_TEXT = 100;

    public ContactFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        InvalidInputException.require(text == null || text.length() <= MAX_TEXT, "q",
                "search text is longer than " + MAX_TEXT + " characters");
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        InvalidInputException.require(tagIds.size() <= 20, "tag", "at most 20 tags can be combined");
    }

    public static ContactFilter all() {
        return new ContactFilter(null, Set.of());
    }

    public static ContactFilter text(String text) {
        return new ContactFilter(text, Set.of());
    }
}
