package it.mssg.core.api;

/** Published after contacts were removed together (an import undone). */
public record ContactsRemoved(int count) {
}
