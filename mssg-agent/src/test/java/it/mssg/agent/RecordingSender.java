package it.mssg.agent;

import it.mssg.agent.spi.AgentReplySender;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the outbox: records what the agent queues, or refuses it like the send governor would. */
@Component
public class RecordingSender implements AgentReplySender {

    public final List<AutoReply> queued = new CopyOnWriteArrayList<>();
    public volatile boolean refuse;

    @Override
    public Result queue(AutoReply reply) {
        if (refuse) return Result.REFUSED;
        queued.add(reply);
        return Result.QUEUED;
    }
}
