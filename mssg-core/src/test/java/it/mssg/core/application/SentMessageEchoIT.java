package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.RecordingListener;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.MessageAckChanged;
import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageReceived;
import it.mssg.core.api.MessageStatus;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaMessage;
import it.mssg.core.store.InboundStore;
import it.mssg.testsupport.TransactionRace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message the send loop has just sent reaches its chat twice: the loop stores it ({@link InboundStore#storeSent})
 * and the bridge stores WhatsApp's echo of it ({@link InboundEvents#messagesReceived}). Either order, or both at
 * once, leaves one row, no error, and the same rows and event as the echo alone would have.
 */
class SentMessageEchoIT extends CoreIntegrationTest {

    static final String MARIO = "393331234567@c.us";
    static final String ANNA = "393471234567@c.us";

    @Autowired InboundEvents inbound;
    @Autowired InboundStore store;
    @Autowired TransactionTemplate tx;
    @Autowired RecordingListener events;
    @Autowired ApplicationEventPublisher publisher;

    @BeforeEach
    void clearEvents() {
        events.clear();
    }

    private static WaMessage echo(String waMessageId, String chat, Instant sentAt, int ack) {
        return new WaMessage(waMessageId, chat, null, true, "Ciao, a domani", "chat", sentAt, ack);
    }

    /** What the send loop does with a message it has just sent, in its own transaction, events published inside. */
    private InboundStore.SentMessage loopStores(String waMessageId, String chat, Instant sentAt, MessageStatus status) {
        return tx.execute(t -> {
            InboundStore.SentMessage stored = store.storeSent(waMessageId, chat, "Ciao, a domani", sentAt, status, sentAt);
            if (stored.received() != null) {
                publisher.publishEvent(stored.received());
            }
            if (stored.ack() != null) {
                publisher.publishEvent(stored.ack());
            }
            return stored;
        });
    }

    private int rows(String waMessageId) {
        return jdbc.queryForObject("select count(*) from message where wa_message_id = ?", Integer.class, waMessageId);
    }

    private String status(String waMessageId) {
        return jdbc.queryForObject("select status from message where wa_message_id = ?", String.class, waMessageId);
    }

    @Test
    void theLoopsCopyStoresWhatTheEchoWouldHaveInANewChatAndAnExistingOne() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        inbound.contactsSynced(List.of(new WaContact(MARIO, "Mario", null, false, true, List.of()),
                new WaContact(ANNA, "Anna", null, false, true, List.of())));
        events.clear();
        // new chats: Mario's through the echo, Anna's through the loop
        inbound.messagesReceived(List.of(echo("true_" + MARIO + "_1", MARIO, now, 1)));
        InboundStore.SentMessage stored = loopStores("true_" + ANNA + "_1", ANNA, now, MessageStatus.SENT);
        assertThat(stored.status()).isEqualTo(MessageStatus.SENT);
        assertThat(stored.ack()).isNull();
        // existing chats, a later message each
        inbound.messagesReceived(List.of(echo("true_" + MARIO + "_2", MARIO, now.plusSeconds(5), 1)));
        loopStores("true_" + ANNA + "_2", ANNA, now.plusSeconds(5), MessageStatus.SENT);

        // what the chat list and the conversation show; only when each row was written may differ
        String chatColumns = "select is_group, name, unread_count, last_activity, contact_id is not null as has_contact"
                + " from chat where wa_id = ?";
        assertThat(jdbc.queryForMap(chatColumns, ANNA)).isEqualTo(jdbc.queryForMap(chatColumns, MARIO));
        assertThat(jdbc.queryForObject("select last_activity from chat where wa_id = ?", java.time.OffsetDateTime.class, ANNA)
                .toInstant()).isEqualTo(now.plusSeconds(5));
        String messageColumns = "select m.direction, m.author_wa_id, m.body, m.msg_type, m.sent_at, m.status"
                + " from message m join chat c on c.id = m.chat_id where c.wa_id = ? order by m.sent_at";
        assertThat(jdbc.queryForList(messageColumns, ANNA)).isEqualTo(jdbc.queryForList(messageColumns, MARIO)).hasSize(2);

        List<Object> published = events.committed();
        assertThat(published).hasSize(4).allSatisfy(e -> assertThat(e).isInstanceOf(MessageReceived.class));
        for (Object e : published) {
            MessageReceived received = (MessageReceived) e;
            String chat = jdbc.queryForObject("select c.wa_id from message m join chat c on c.id = m.chat_id where m.id = ?",
                    String.class, received.messageId());
            assertThat(received).isEqualTo(new MessageReceived(received.messageId(),
                    jdbc.queryForObject("select id from chat where wa_id = ?", Long.class, chat),
                    jdbc.queryForObject("select id from contact where wa_id = ?", Long.class, chat),
                    MessageDirection.OUTBOUND, true));
        }
    }

    @Test
    void echoFirstThenTheLoopsCopy() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "true_" + MARIO + "_E1";
        inbound.messagesReceived(List.of(echo(id, MARIO, now, 2))); // the echo already says delivered
        assertThat(events.committed()).singleElement().isInstanceOf(MessageReceived.class);
        events.clear();

        InboundStore.SentMessage stored = loopStores(id, MARIO, now, MessageStatus.SENT);

        assertThat(rows(id)).isEqualTo(1);
        assertThat(stored.status()).as("the loop learns the ack that came first").isEqualTo(MessageStatus.DELIVERED);
        assertThat(stored.received()).isNull();
        assertThat(stored.ack()).isNull();
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(events.committed()).isEmpty();
    }

    @Test
    void theLoopsCopyFirstThenTheEcho() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "true_" + MARIO + "_L1";
        InboundStore.SentMessage stored = loopStores(id, MARIO, now, MessageStatus.SENT);
        assertThat(stored.received()).isNotNull();
        events.clear();

        inbound.messagesReceived(List.of(echo(id, MARIO, now, 2)));

        assertThat(rows(id)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(events.committed()).as("no second MessageReceived; the status moved")
                .containsExactly(new MessageAckChanged(stored.received().messageId(), stored.received().chatId(),
                        MessageStatus.DELIVERED));
    }

    @Test
    void theLoopsCopyWaitsForAnEchoNotYetCommittedAndStoresNothing() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "true_" + MARIO + "_R1";
        // the chat exists already in real use (the echo of an earlier message); the race is on the message
        inbound.messagesReceived(List.of(echo("true_" + MARIO + "_R0", MARIO, now.minusSeconds(60), 1)));
        AtomicReference<InboundStore.SentMessage> loop = new AtomicReference<>();
        TransactionRace.race(tx, () -> inbound.messagesReceived(List.of(echo(id, MARIO, now, 1))),
                () -> loop.set(loopStores(id, MARIO, now, MessageStatus.SENT)));

        assertThat(rows(id)).isEqualTo(1);
        assertThat(loop.get().received()).as("the echo stored it").isNull();
        assertThat(loop.get().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void theEchoWaitsForTheLoopsCopyNotYetCommittedAndStoresNothing() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "true_" + MARIO + "_R2";
        inbound.messagesReceived(List.of(echo("true_" + MARIO + "_R0", MARIO, now.minusSeconds(60), 1)));
        events.clear();
        AtomicReference<InboundStore.SentMessage> loop = new AtomicReference<>();
        TransactionRace.race(tx, () -> loop.set(loopStores(id, MARIO, now, MessageStatus.SENT)),
                () -> inbound.messagesReceived(List.of(echo(id, MARIO, now, 3))));

        assertThat(rows(id)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("READ");
        assertThat(events.committed()).containsExactly(loop.get().received(),
                new MessageAckChanged(loop.get().received().messageId(), loop.get().received().chatId(), MessageStatus.READ));
    }
}
