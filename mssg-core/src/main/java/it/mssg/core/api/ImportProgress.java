package it.mssg.core.api;

/** Told how far a commit is; called from the committing thread, a few dozen times per import at most. */
@FunctionalInterface
public interface ImportProgress {

    void progressed(long done, long total);

    static ImportProgress none() {
        return (done, total) -> { };
    }
}
