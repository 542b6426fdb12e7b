package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.RecordingListener;
import it.mssg.core.api.ContactsSynced;
import it.mssg.core.api.HistorySynced;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.MessageReceived;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaMessage;
import it.mssg.testsupport.TransactionRace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two syncs store the same thing at the same moment: one transaction has written it and not committed yet when the
 * other writes it too. The second waits for the first and stores nothing twice: one row, no error, and the events of
 * one store.
 */
class SimultaneousSyncIT extends CoreIntegrationTest {

    static final String MARIO = "393331234567@c.us";
    static final String NEW_PERSON = "393479876543@c.us";

    @Autowired InboundEvents inbound;
    @Autowired TransactionTemplate tx;
    @Autowired RecordingListener events;

    @BeforeEach
    void clearEvents() {
        events.clear();
    }

    private static WaMessage from(String chat, String waMessageId, Instant sentAt) {
        return new WaMessage(waMessageId, chat, null, false, "Buongiorno", "chat", sentAt, 1);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void theSameOldMessageInTwoSyncsAtOnceIsStoredOnce() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        inbound.messagesReceived(List.of(from(MARIO, "false_" + MARIO + "_LIVE", now))); // the chat, with a later message
        events.clear();
        WaMessage old = from(MARIO, "false_" + MARIO + "_OLD", now.minus(30, ChronoUnit.DAYS));

        TransactionRace.race(tx, () -> inbound.messagesReceived(List.of(old)), () -> inbound.messagesReceived(List.of(old)));

        assertThat(count("select count(*) from message where wa_message_id = ?", old.waMessageId())).isEqualTo(1);
        assertThat(events.committed()).containsExactly(new HistorySynced(1, 1));
    }

    @Test
    void theSameNewContactInTwoContactSyncsAtOnceIsStoredOnce() throws Exception {
        WaContact contact = new WaContact(NEW_PERSON, "Lucia Neri", "Lucia", false, true, List.of());

        TransactionRace.race(tx, () -> inbound.contactsSynced(List.of(contact)), () -> inbound.contactsSynced(List.of(contact)));

        assertThat(count("select count(*) from contact where wa_id = ?", NEW_PERSON)).isEqualTo(1);
        assertThat(events.committed()).containsExactly(new ContactsSynced(1, 0));
    }

    @Test
    void aNewPersonsTwoMessagesStoredAtOnceMakeOneContactAndOneChat() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        TransactionRace.race(tx, () -> inbound.messagesReceived(List.of(from(NEW_PERSON, "false_" + NEW_PERSON + "_A", now))),
                () -> inbound.messagesReceived(List.of(from(NEW_PERSON, "false_" + NEW_PERSON + "_B", now.plusSeconds(1)))));

        assertThat(count("select count(*) from contact where wa_id = ?", NEW_PERSON)).isEqualTo(1);
        assertThat(count("select count(*) from chat where wa_id = ?", NEW_PERSON)).isEqualTo(1);
        assertThat(count("select count(*) from message m join chat c on c.id = m.chat_id where c.wa_id = ?", NEW_PERSON))
                .isEqualTo(2);
        assertThat(count("select unread_count from chat where wa_id = ?", NEW_PERSON)).isEqualTo(2);
        assertThat(events.committed()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(MessageReceived.class));
    }
}
