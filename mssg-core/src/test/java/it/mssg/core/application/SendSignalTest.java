package it.mssg.core.application;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class SendSignalTest {

    private final SendSignal signal = new SendSignal();

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outsideATransactionTheLoopIsWokenAtOnce() throws InterruptedException {
        long seen = signal.version();
        signal.changed();
        assertThat(signal.version()).isEqualTo(seen + 1);
        assertThat(signal.await(seen, 10_000)).as("woken by the change, not by the deadline").isTrue();
    }

    @Test
    void insideATransactionTheLoopIsWokenOnlyOnceItHasEnded() throws InterruptedException {
        long seen = signal.version();
        TransactionSynchronizationManager.initSynchronization();
        signal.changed();
        assertThat(signal.version()).as("not before the commit: the loop would not see the change yet").isEqualTo(seen);
        assertThat(signal.await(seen, 1)).isFalse();

        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        assertThat(signal.version()).isEqualTo(seen + 1);
        assertThat(signal.await(seen, 10_000)).isTrue();
    }
}
