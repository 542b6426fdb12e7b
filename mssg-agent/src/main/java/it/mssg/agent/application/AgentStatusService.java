package it.mssg.agent.application;

import it.mssg.agent.api.AgentHealth;
import it.mssg.agent.api.AgentStatusView;
import it.mssg.agent.matching.DraftWriter;
import it.mssg.agent.matching.KnowledgeIndex;
import it.mssg.agent.spi.AgentReplySender;
import org.springframework.beans.factory.ObjectProvider;
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

    private final KnowledgeIndex index;
    private final AgentProperties properties;
    private final ObjectProvider<AgentReplySender> sender;
    private final ObjectProvider<DraftWriter> drafter;

    AgentStatusService(AgentStateStore store, HealthCounter counter, KnowledgeIndex index, AgentProperties properties,
                       ObjectProvider<AgentReplySender> sender, ObjectProvider<DraftWriter> drafter) {
        this.store = store;
        this.counter = counter;
        this.index = index;
        this.properties = properties;
        this.sender = sender;
        this.drafter = drafter;
    }

    @Override
    public AgentStatusView status() {
        return new AgentStatusView(properties.embedding().provider().name(), index.modelReady(), index.size(),
                index.questionCount(), sender.getIfAvailable() != null, drafter.getIfAvailable() != null);
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
