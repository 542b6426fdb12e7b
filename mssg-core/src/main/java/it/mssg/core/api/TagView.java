package it.mssg.core.api;

/** A tag with how many contacts carry it. {@code color} is {@code #rrggbb}. */
public record TagView(long id, String name, String color, long contactCount) {
}
