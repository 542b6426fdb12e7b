package it.mssg.core.api;

/** A tag as shown on a contact: a chip. {@code color} is {@code #rrggbb}. */
public record TagRefView(long id, String name, String color) {
}
