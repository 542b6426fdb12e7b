package it.mssg.agent.store;

import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

@Entity
@Table(name = "agent_health_counter")
class HealthCounterEntity {

    @EmbeddedId
    Key key;

    @Column(nullable = false)
    long total;

    @Embeddable
    static class Key implements Serializable {
        @Column(name = "counted_on", nullable = false)
        LocalDate countedOn;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 16)
        ReplyOutcome outcome;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 32)
        ReasonCode reason;

        @Column(name = "threshold_met", nullable = false)
        boolean thresholdMet;

        protected Key() {
        }

        Key(LocalDate countedOn, ReplyOutcome outcome, ReasonCode reason, boolean thresholdMet) {
            this.countedOn = countedOn;
            this.outcome = outcome;
            this.reason = reason;
            this.thresholdMet = thresholdMet;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && countedOn.equals(k.countedOn) && outcome == k.outcome && reason == k.reason
                    && thresholdMet == k.thresholdMet;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(countedOn, outcome, reason, thresholdMet);
        }
    }
}
