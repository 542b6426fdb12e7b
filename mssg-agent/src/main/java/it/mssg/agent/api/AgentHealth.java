package it.mssg.agent.api;

import java.time.LocalDate;
import java.util.List;

/** The anonymous health counters: how decisions ended, per day. They never leave the machine. */
public interface AgentHealth {

    /** Counts for the days {@code from}..{@code to} inclusive, by day, outcome, reason and threshold met. */
    List<HealthCountView> daily(LocalDate from, LocalDate to);

    AgentStatusView status();
}
