package it.mssg.agent.store;

import it.mssg.agent.api.HealthCountView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;
import it.mssg.agent.application.HealthCounter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

@Component
class JpaHealthCounter implements HealthCounter {

    private final HealthCounterRepository counters;

    JpaHealthCounter(HealthCounterRepository counters) {
        this.counters = counters;
    }

    /** Adds one in the database itself, so concurrent increments cannot lose a count. */
    @Override
    @Transactional
    public void increment(LocalDate day, ReplyOutcome outcome, ReasonCode reason, boolean thresholdMet) {
        if (counters.bump(day, outcome, reason, thresholdMet) > 0) return;
        HealthCounterEntity row = new HealthCounterEntity();
        row.key = new HealthCounterEntity.Key(day, outcome, reason, thresholdMet);
        row.total = 1;
        counters.saveAndFlush(row);
    }

    @Override
    @Transactional(readOnly = true)
    public List<HealthCountView> between(LocalDate from, LocalDate to) {
        return counters.findByKeyCountedOnBetweenOrderByKeyCountedOnAsc(from, to).stream()
                .map(r -> new HealthCountView(r.key.countedOn, r.key.outcome, r.key.reason, r.key.thresholdMet, r.total))
                .toList();
    }
}
