package it.mssg.agent;

import it.mssg.agent.api.AgentDecided;
import it.mssg.agent.spi.AgentReplySender;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the outbox: records what the agent queues, or refuses it like the send governor would; also
 * records the agent's decision events.
 */
@Component
public class RecordingSender implements AgentReplySender {

    public final List<AutoReply> queued = new CopyOnWriteArrayList<>();
    /** The agent's decision events, as web would receive them. */
    public final List<AgentDecided> decided = new CopyOnWriteArrayList<>();
    public volatile boolean refuse;

    @EventListener
    void on(AgentDecided event) {
        decided.add(event);
    }

    @Override
    public Result queue(AutoReply reply) {
        if (refuse) return Result.REFUSED;
        queued.add(reply);
        return Result.QUEUED;
    }
}
