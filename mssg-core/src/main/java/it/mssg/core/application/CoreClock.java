package it.mssg.core.application;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Core's own time source. Not a {@link Clock} bean, so it never clashes with another module's clock;
 * tests in this package may move it.
 */
@Component
class CoreClock {

    private volatile Clock clock = Clock.systemUTC();

    Instant instant() {
        return clock.instant();
    }

    void set(Clock clock) {
        this.clock = clock;
    }
}
