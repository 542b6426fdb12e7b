package it.mssg.core.api;

/** What an import does with a row whose number is already a stored contact. */
public enum DuplicatePolicy {
    /** leave the stored contact as it is */
    SKIP,
    /** fill in the stored contact: set empty names and notes, add tags, set custom fields from the file */
    MERGE
}
