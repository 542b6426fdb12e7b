package it.mssg.testsupport;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Two writes of the same rows at once, the first held uncommitted while the second starts: for tests of races. */
public final class TransactionRace {

    private TransactionRace() {
    }

    /**
     * Runs {@code first} in a transaction held open while {@code second} starts on another thread (and blocks on
     * the row {@code first} wrote), then commits {@code first}; fails if either throws.
     */
    public static void race(TransactionTemplate tx, Runnable first, Runnable second) throws Exception {
        assertThat(secondFailure(tx, first, second)).isNull();
    }

    /**
     * The same race; fails if {@code first} throws or {@code second} does not wait for it.
     *
     * @return what {@code second} threw once {@code first} had committed, or null
     */
    public static Throwable secondFailure(TransactionTemplate tx, Runnable first, Runnable second) throws Exception {
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
            assertThat(other.isAlive()).as("the second write waits for the first one's row").isTrue();
        });
        other.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(other.isAlive()).isFalse();
        return failure.get();
    }
}
