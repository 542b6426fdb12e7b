package it.mssg.core.api;

/**
 * @param importId    the import's record in {@link ImportHistory}, where it can be undone
 * @param created     new contacts
 * @param merged      stored contacts filled in (DuplicatePolicy.MERGE)
 * @param skipped     rows not imported (invalid, duplicates, or stored ones under SKIP)
 * @param tagsCreated tags that did not exist before
 * @param optedOut    stored contacts left as they were (SKIP) but opted out, as the file said (counted in skipped)
 */
public record ImportResultView(String previewId, long importId, int created, int merged, int skipped, int tagsCreated,
                               int optedOut, long elapsedMillis) {
}
