package it.mssg.agent.application;

import it.mssg.agent.api.AgentHealth;
import it.mssg.agent.api.HealthCountView;
import it.mssg.agent.api.NeedsHumanList;
import it.mssg.agent.api.NeedsHumanView;
import it.mssg.core.api.InvalidInputException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

@Service
class AgentStatusService implements NeedsHumanList, AgentHealth {

    private final AgentStateStore store;
    private final HealthCounter counter;

    AgentStatusService(AgentStateStore store, HealthCounter counter) {
        this.store = store;
        this.counter = counter;
    }

    @Override
    public List<NeedsHumanView> list() {
        return store.needsHuman();
    }

    @Override
    public void clear(long chatId) {
        store.clearNeedsHuman(chatId);
    }

    @Override
    public List<HealthCountView> daily(LocalDate from, LocalDate to) {
        InvalidInputException.require(from != null && to != null && !to.isBefore(from), "from", "from must be on or before to");
        InvalidInputException.require(ChronoUnit.DAYS.between(from, to) <= 366, "to", "at most a year at a time");
        return counter.between(from, to);
    }
}
