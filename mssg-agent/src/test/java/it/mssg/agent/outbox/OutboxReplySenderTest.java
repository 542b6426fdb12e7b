package it.mssg.agent.outbox;

import it.mssg.agent.spi.AgentReplySender.AutoReply;
import it.mssg.agent.spi.AgentReplySender.Result;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxReplySenderTest {

    /** Core's outbox as far as the adapter sees it: records commands, answers with an entry in a chosen state. */
    static final class FakeOutbox implements SendMessages {
        final List<SendCommand> commands = new ArrayList<>();
        OutboxState state = OutboxState.QUEUED;
        RuntimeException refusal;

        @Override
        public OutboxEntryView send(SendCommand command) {
            if (refusal != null) throw refusal;
            commands.add(command);
            return new OutboxEntryView(7, state, null, null, null, String.valueOf((Object) command.purpose()), null, null, null,
                    command.text(), null, null, null, null, Instant.EPOCH, Instant.EPOCH);
        }
    }

    final FakeOutbox outbox = new FakeOutbox();
    final OutboxReplySender sender = new OutboxReplySender(outbox);
    final AutoReply reply = new AutoReply(11, 22, 33, 44, "We open at 9.");

    @Test
    void queuesAnAgentReplyKeyedByTheInboundMessage() {
        assertThat(sender.queue(reply)).isEqualTo(Result.QUEUED);
        assertThat(sender.queue(reply)).isEqualTo(Result.QUEUED);

        assertThat(outbox.commands).hasSize(2).allSatisfy(c -> {
            assertThat(c.chatId()).isEqualTo(11L);
            assertThat(c.contactId()).isNull();
            assertThat(c.text()).isEqualTo("We open at 9.");
            assertThat(String.valueOf((Object) c.purpose())).isEqualTo("AGENT_REPLY");
            assertThat(c.clientKey()).isEqualTo("reply-to-33");
        });
    }

    @ParameterizedTest
    @EnumSource(value = OutboxState.class, names = {"BLOCKED", "CANCELLED", "FAILED"})
    void anEntryTheOutboxWillNotSendIsRefused(OutboxState state) {
        outbox.state = state;
        assertThat(sender.queue(reply)).isEqualTo(Result.REFUSED);
    }

    @ParameterizedTest
    @EnumSource(value = OutboxState.class, names = {"QUEUED", "SENDING", "SENT", "DELIVERED", "READ", "UNCERTAIN"})
    void anEntryOnItsWayIsQueued(OutboxState state) {
        outbox.state = state;
        assertThat(sender.queue(reply)).isEqualTo(Result.QUEUED);
    }

    @Test
    void coreRefusingTheCommandIsARefusalNotAnException() {
        outbox.refusal = new InvalidInputException("text", "too long");
        assertThat(sender.queue(reply)).isEqualTo(Result.REFUSED);
        outbox.refusal = new NotFoundException("chat", 11);
        assertThat(sender.queue(reply)).isEqualTo(Result.REFUSED);
    }
}
