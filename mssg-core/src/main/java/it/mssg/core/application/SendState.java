package it.mssg.core.application;

import it.mssg.core.domain.sending.GovernorReason;
import it.mssg.core.store.SettingStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * What the send loop knows about itself, shared with the services that show it: why it is paused, the failure
 * streak (kept in the settings table so a restart does not forget a pause) and when the number was linked.
 */
@Component
class SendState {

    static final String STREAK_KEY = "outbox.failure-streak";
    static final String LINKED_KEY = "outbox.linked-at";

    private final SettingStore settings;
    private final TransactionTemplate tx;
    private final CoreClock clock;
    private volatile GovernorReason pausedBy;
    private volatile Integer failureStreak;
    private volatile Instant linkedAt;

    SendState(SettingStore settings, TransactionTemplate tx, CoreClock clock) {
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    GovernorReason pausedBy() {
        return pausedBy;
    }

    void pausedBy(GovernorReason reason) {
        this.pausedBy = reason;
    }

    int failureStreak() {
        Integer s = failureStreak;
        if (s == null) {
            s = tx.execute(t -> settings.get(STREAK_KEY).map(Integer::parseInt).orElse(0));
            failureStreak = s;
        }
        return s;
    }

    void failureStreak(int streak) {
        if (streak != failureStreak()) {
            failureStreak = streak;
            tx.executeWithoutResult(t -> settings.put(STREAK_KEY, String.valueOf(streak), clock.instant()));
        }
    }

    /** When this number was first seen READY; null until then. */
    Instant linkedAt() {
        Instant l = linkedAt;
        if (l == null) {
            l = tx.execute(t -> settings.get(LINKED_KEY).map(Instant::parse).orElse(null));
            linkedAt = l;
        }
        return l;
    }

    void seenReady(Instant now) {
        if (linkedAt() == null) {
            linkedAt = now;
            tx.executeWithoutResult(t -> settings.put(LINKED_KEY, now.toString(), now));
        }
    }
}
