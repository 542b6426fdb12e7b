package it.mssg.core.application;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Two stores of the same rows at once, for the tests of inserts-if-absent. */
final class TransactionRace {

    private TransactionRace() {
    }

    /**
     * Runs {@code first} in a transaction held open while {@code second} starts on another thread (and blocks on
     * the row {@code first} wrote), then commits {@code first}; fails if either throws.
     */
    static void race(TransactionTemplate tx, Runnable first, Runnable second) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                written.await();
                second.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        other.start();
        tx.executeWithoutResult(t -> {
            first.run(); // joins this transaction: written, not committed
            written.countDown();
            try {
                other.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(other.isAlive()).as("the second store waits for the first one's row").isTrue();
        });
        other.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(other.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
    }
}
