package it.mssg.agent.store;

import it.mssg.agent.api.HealthCountView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;
import it.mssg.agent.application.HealthCounter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/** The anonymous health counters in {@code agent_health_counter}: one row per day, outcome, reason and threshold met. */
@Component
class HealthCounterTable implements HealthCounter {

    private final JdbcClient jdbc;

    HealthCounterTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one in the database itself, so concurrent increments cannot lose a count. */
    @Override
    @Transactional
    public void increment(LocalDate day, ReplyOutcome outcome, ReasonCode reason, boolean thresholdMet) {
        Object[] key = {day, outcome.name(), reason.name(), thresholdMet};
        int bumped = jdbc.sql("UPDATE agent_health_counter SET total = total + 1"
                        + " WHERE counted_on = ? AND outcome = ? AND reason = ? AND threshold_met = ?")
                .params(key).update();
        if (bumped == 0) {
            jdbc.sql("INSERT INTO agent_health_counter (counted_on, outcome, reason, threshold_met, total) VALUES (?, ?, ?, ?, 1)")
                    .params(key).update();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<HealthCountView> between(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT counted_on, outcome, reason, threshold_met, total FROM agent_health_counter"
                        + " WHERE counted_on BETWEEN ? AND ? ORDER BY counted_on")
                .params(from, to)
                .query((row, n) -> new HealthCountView(row.getObject("counted_on", LocalDate.class),
                        ReplyOutcome.valueOf(row.getString("outcome")), ReasonCode.valueOf(row.getString("reason")),
                        row.getBoolean("threshold_met"), row.getLong("total")))
                .list();
    }
}
