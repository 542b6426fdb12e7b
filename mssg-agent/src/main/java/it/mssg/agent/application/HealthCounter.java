package it.mssg.agent.application;

import it.mssg.agent.api.HealthCountView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;

import java.time.LocalDate;
import java.util.List;

/**
 * The anonymous health counters, per day in the local database. Its methods take only enums, dates and
 * primitives ({@code AgentArchitectureTest} enforces it), so no text can ever be counted or stored here.
 */
public interface HealthCounter {

    void increment(LocalDate day, ReplyOutcome outcome, ReasonCode reason, boolean thresholdMet);

    List<HealthCountView> between(LocalDate from, LocalDate to);
}
