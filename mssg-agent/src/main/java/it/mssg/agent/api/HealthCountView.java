package it.mssg.agent.api;

import java.time.LocalDate;

public record HealthCountView(LocalDate day, ReplyOutcome outcome, ReasonCode reason, boolean thresholdMet, long count) {
}
