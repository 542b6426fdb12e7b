package it.mssg.bridge.domain;

import it.mssg.core.api.DisconnectReason;

import java.time.Duration;
import java.util.Optional;

/**
 * When the session recovers by itself after losing the page: crashes, hangs and time-outs are retried with
 * an exponential backoff up to a cap of attempts; a logout or a profile used by another process never is
 * (retrying cannot help, a person must act).
 */
public record RecoveryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    public RecoveryPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 0) {
            throw new IllegalArgumentException("invalid recovery policy " + firstDelay + " " + maxDelay + " " + maxAttempts);
        }
    }

    /** @param attempt 1 for the first retry after a loss; empty means give up and stay disconnected */
    public Optional<Duration> delayBefore(int attempt, DisconnectReason reason) {
        if (!retriable(reason) || attempt < 1 || attempt > maxAttempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration delay = firstDelay.multipliedBy(factor);
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    public static boolean retriable(DisconnectReason reason) {
        return switch (reason) {
            case BROWSER_CRASHED, TIMEOUT, NAVIGATED -> true;
            case LOGGED_OUT, CONFLICT, UNSUPPORTED_VERSION, PROFILE_LOCKED -> false;
        };
    }
}
