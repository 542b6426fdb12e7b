package it.mssg.core.api;

/** A tag as pickers and filters show it: no contact count. Name and colour are untrusted: escape them. */
public record TagChoice(long id, String name, String color) {
}
