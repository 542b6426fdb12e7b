package it.mssg.core.api;

/** A country for phone numbers: {@code code} is ISO 3166 (e.g. IT), {@code callingCode} e.g. 39. */
public record RegionView(String code, String name, int callingCode) {
}
