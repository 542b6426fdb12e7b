package it.mssg.core.application;

import org.springframework.stereotype.Component;

/**
 * Wakes the send loop early: a new entry, a state change, a resumed campaign, new settings, the session's state.
 * The loop sleeps on it with a deadline and looks again when woken.
 */
@Component
class SendSignal {

    private final Object monitor = new Object();
    private long version;

    void changed() {
        synchronized (monitor) {
            version++;
            monitor.notifyAll();
        }
    }

    long version() {
        synchronized (monitor) {
            return version;
        }
    }

    /** Sleeps until {@code millis} pass or something changed since {@code seen}. @return true when woken by a change */
    boolean await(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, millis) * 1_000_000L;
        synchronized (monitor) {
            while (version == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, left / 1_000_000L));
            }
            return true;
        }
    }
}
