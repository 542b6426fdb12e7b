package it.mssg.agent.outbox;

import it.mssg.agent.spi.AgentReplySender;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The agent's automatic answers go into core's outbox like every other message, with purpose AGENT_REPLY and an
 * idempotency key made from the inbound message's id (one answer per inbound message, even if the agent decides
 * twice). The send governor decides later when, or whether, the answer leaves.
 */
@Component
class OutboxReplySender implements AgentReplySender {

    private static final Logger log = LoggerFactory.getLogger(OutboxReplySender.class);

    private final SendMessages outbox;

    OutboxReplySender(SendMessages outbox) {
        this.outbox = outbox;
    }

    @Override
    public Result queue(AutoReply reply) {
        try {
            OutboxEntryView entry = outbox.send(SendCommand.agentReply(reply.chatId(), reply.inReplyTo(), reply.text()));
            if (entry.state() == OutboxState.BLOCKED || entry.state() == OutboxState.CANCELLED
                    || entry.state() == OutboxState.FAILED) {
                log.info("agent: outbox entry {} for chat {} is {} ({})", entry.id(), reply.chatId(), entry.state(), entry.reason());
                return Result.REFUSED;
            }
            return Result.QUEUED;
        } catch (InvalidInputException | NotFoundException e) {
            // the outbox refused the answer (bad text, chat gone): the agent suppresses it and says why
            log.info("agent: outbox refused the answer for chat {}: {}", reply.chatId(), e.getClass().getSimpleName());
            return Result.REFUSED;
        }
    }
}
