package it.mssg.core.api;

public enum ImportRowStatus {
    /** will be created */
    VALID,
    /** has a problem; see the row's reason; never imported */
    INVALID,
    /** same number as an earlier line of the file; never imported */
    DUPLICATE_IN_FILE,
    /** number already stored; skipped or merged according to {@link DuplicatePolicy} */
    DUPLICATE_IN_DB
}
