package it.mssg.core.application;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the send loop early: a new entry, a state change, a resumed campaign, new settings, the session's state.
 * The loop sleeps on it with a deadline and looks again when woken. Inside a transaction the loop is woken once
 * that transaction has ended: woken earlier, it would look before the change is committed, miss it, and sleep on.
 */
@Component
class SendSignal {

    private final Object monitor = new Object();
    private long version;

    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    wake();
                }
            });
            return;
        }
        wake();
    }

    private void wake() {
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
