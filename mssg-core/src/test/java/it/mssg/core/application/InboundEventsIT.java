package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.RecordingListener;
import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.ContactsSynced;
import it.mssg.core.api.HistorySynced;
import it.mssg.core.api.HomeQueries;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.MessageAckChanged;
import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageReceived;
import it.mssg.core.api.MessageStatus;
import it.mssg.core.api.MessageView;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.WaAck;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaLabel;
import it.mssg.core.api.WaMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InboundEventsIT extends CoreIntegrationTest {

    @Autowired InboundEvents inbound;
    @Autowired ContactQueries contacts;
    @Autowired ContactCommands contactCommands;
    @Autowired ChatQueries chats;
    @Autowired HomeQueries home;
    @Autowired TagQueries tags;
    @Autowired it.mssg.core.api.TagCommands tagCommands;
    @Autowired RecordingListener events;

    static final String MARIO = "393331234567@c.us";
    static final String ANNA = "393471234567@c.us";
    static final String GROUP = "393331234567-1600000000@g.us";

    @BeforeEach
    void clearEvents() {
        events.clear();
    }

    private Map<String, Object> snapshot() {
        return Map.of(
                "contacts", jdbc.queryForList("select * from contact order by id"),
                "tags", jdbc.queryForList("select * from tag order by id"),
                "contactTags", jdbc.queryForList("select * from contact_tag order by contact_id, tag_id"),
                "chats", jdbc.queryForList("select * from chat order by id"),
                "messages", jdbc.queryForList("select * from message order by id"));
    }

    @Test
    void contactsAndLabelsAreIdempotent() {
        inbound.labelsSynced(List.of(new WaLabel("1", "VIP <b>", "#FF0000"), new WaLabel("2", "New customer", "not-a-colour")));
        List<WaContact> batch = List.of(
                new WaContact(MARIO, "Mario Rossi", "Mario 😀", false, true, List.of("1")),
                new WaContact(ANNA, null, "\u200FAnna", true, false, List.of()),
                new WaContact("status@broadcast", "x", "x", false, false, List.of()),
                new WaContact("123456789@lid", null, "Hidden", false, false, List.of("2")));
        inbound.contactsSynced(batch);
        assertThat(events.committed()).containsExactly(new ContactsSynced(3, 0));
        ContactView mario = contacts.findByWaId(MARIO).orElseThrow();
        assertThat(mario.phoneE164()).isEqualTo("+393331234567");
        assertThat(mario.displayName()).isEqualTo("Mario Rossi");
        assertThat(mario.pushName()).isEqualTo("Mario 😀");
        assertThat(mario.source()).isEqualTo(ContactSource.WHATSAPP);
        assertThat(mario.tags()).extracting("name", "color").containsExactly(org.assertj.core.groups.Tuple.tuple("VIP <b>", "#ff0000"));
        assertThat(contacts.findByWaId(ANNA).orElseThrow().business()).isTrue();
        assertThat(contacts.findByWaId("123456789@lid").orElseThrow().phoneE164()).isNull();
        assertThat(tags.findByName("new customer").orElseThrow().color()).matches("#[0-9a-f]{6}");

        Map<String, Object> before = snapshot();
        events.clear();
        inbound.labelsSynced(List.of(new WaLabel("1", "VIP <b>", "#FF0000"), new WaLabel("2", "New customer", "not-a-colour")));
        inbound.contactsSynced(batch);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(events.committed()).isEmpty();

        inbound.contactsSynced(List.of(new WaContact(MARIO, "Other name", "Mario R.", false, true, List.of("1"))));
        assertThat(events.committed()).containsExactly(new ContactsSynced(0, 1));
        ContactView changed = contacts.findByWaId(MARIO).orElseThrow();
        assertThat(changed.displayName()).as("a name once set is the user's").isEqualTo("Mario Rossi");
        assertThat(changed.pushName()).isEqualTo("Mario R.");
        assertThat(contacts.search(ContactSearch.of(ContactFilter.text("mario r."), null)).total()).isEqualTo(1);
    }

    @Test
    void whatsAppContactsMergeWithCsvAndManualOnesByNumber() {
        ContactView typed = contactCommands.create(new NewContact("333 123 4567", "Mario (typed)", "notes", null, null));
        inbound.contactsSynced(List.of(new WaContact(MARIO, "Mario Rossi", "Mario", false, true, List.of())));
        assertThat(events.committed()).containsExactly(new ContactsSynced(0, 1));
        ContactView merged = contacts.get(typed.id());
        assertThat(merged.waId()).isEqualTo(MARIO);
        assertThat(merged.displayName()).isEqualTo("Mario (typed)");
        assertThat(merged.pushName()).isEqualTo("Mario");
        assertThat(merged.source()).isEqualTo(ContactSource.MANUAL);
        assertThat(jdbc.queryForObject("select count(*) from contact", Long.class)).isEqualTo(1);
    }

    @Test
    void messagesCreateTheirChatOnceAndRepeatsChangeNothing() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant old = now.minus(3, ChronoUnit.DAYS);
        List<WaMessage> batch = List.of(
                new WaMessage("false_" + MARIO + "_A1", MARIO, null, false, "<script>alert(1)</script> ciao 😀", "chat", old, 0),
                new WaMessage("true_" + MARIO + "_A2", MARIO, null, true, "risposta", "chat", old.plusSeconds(60), 3),
                new WaMessage("false_" + GROUP + "_G1_" + ANNA, GROUP, ANNA, false, "nel gruppo", "chat", now, 0),
                new WaMessage("false_status@broadcast_S", "status@broadcast", null, false, "status", "image", now, 0));
        inbound.messagesReceived(batch);

        ChatView direct = chats.list(null, Paging.first(10)).items().stream().filter(c -> c.waId().equals(MARIO)).findFirst().orElseThrow();
        ChatView group = chats.list(null, Paging.first(10)).items().stream().filter(c -> c.waId().equals(GROUP)).findFirst().orElseThrow();
        assertThat(chats.list(null, Paging.first(10)).items()).extracting(ChatView::waId).containsExactly(GROUP, MARIO);
        assertThat(group.group()).isTrue();
        assertThat(group.contactId()).isNull();
        assertThat(group.unreadCount()).as("a live inbound message").isEqualTo(1);
        assertThat(direct.unreadCount()).as("history is not unread").isZero();
        assertThat(direct.lastActivity()).isEqualTo(old.plusSeconds(60));
        ContactView mario = contacts.findByWaId(MARIO).orElseThrow();
        assertThat(direct.contactId()).isEqualTo(mario.id());
        assertThat(mario.chatId()).isEqualTo(direct.id());
        assertThat(chats.findByContact(mario.id())).contains(direct);

        List<Object> first = events.committed();
        assertThat(first).as("the two old messages are one page of history; only the new one is received")
                .containsExactly(new HistorySynced(2, 1), first.get(1));
        MessageReceived live = (MessageReceived) first.get(1);
        assertThat(live.live()).isTrue();
        assertThat(live.contactId()).isNull();
        assertThat(live.chatId()).isEqualTo(group.id());
        assertThat(live.direction()).isEqualTo(MessageDirection.INBOUND);
        assertThat(jdbc.queryForList("select direction from message where chat_id = ? order by sent_at", String.class, direct.id()))
                .containsExactly("INBOUND", "OUTBOUND");

        PageView<MessageView> page = chats.messages(direct.id(), Paging.of(0, 1));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(MessageView::body).containsExactly("risposta");
        assertThat(chats.messages(direct.id(), Paging.of(1, 1)).items()).extracting(MessageView::body)
                .containsExactly("<script>alert(1)</script> ciao 😀");
        assertThat(chats.messages(group.id(), Paging.first(5)).items().get(0).authorWaId()).isEqualTo(ANNA);

        Map<String, Object> before = snapshot();
        events.clear();
        inbound.messagesReceived(batch);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(events.committed()).isEmpty();

        assertThat(home.counts().contacts()).isEqualTo(1);
        assertThat(home.counts().chats()).isEqualTo(2);
        assertThat(home.counts().unreadChats()).isEqualTo(1);
        assertThat(home.counts().unreadMessages()).isEqualTo(1);
    }

    @Test
    void aHistoryPageIsOneEventStoresADuplicateOnceAndChangesNothingWhenRepeated() {
        Instant old = Instant.parse("2026-10-01T08:00:00.123Z");
        List<WaMessage> page = List.of(
                new WaMessage("true_" + MARIO + "_H1", MARIO, null, true, "uno", "chat", old, 1),
                new WaMessage("false_" + MARIO + "_H2", MARIO, null, false, "due", "chat", old.plusSeconds(60), 0),
                new WaMessage("true_" + MARIO + "_H1", MARIO, null, true, "uno", "chat", old, 3),
                new WaMessage("false_" + ANNA + "_H3", ANNA, null, false, "tre", "chat", old.plusSeconds(30), 0),
                new WaMessage("true_" + ANNA + "_H4", ANNA, null, true, "quattro", "chat", old.plusSeconds(90), 3),
                new WaMessage("true_" + ANNA + "_H4", ANNA, null, true, "quattro", "chat", old.plusSeconds(90), 2));
        inbound.messagesReceived(page);

        assertThat(events.committed()).as("no MessageReceived for history: the agent must never answer it")
                .containsExactly(new HistorySynced(4, 2));
        assertThat(jdbc.queryForObject("select count(*) from message", Long.class)).isEqualTo(4);
        ChatView mario = chats.get(contacts.findByWaId(MARIO).orElseThrow().chatId());
        ChatView anna = chats.get(contacts.findByWaId(ANNA).orElseThrow().chatId());
        assertThat(mario.unreadCount()).as("history is not unread").isZero();
        assertThat(anna.unreadCount()).isZero();
        assertThat(mario.lastActivity()).isEqualTo(old.plusSeconds(60));
        assertThat(anna.lastActivity()).isEqualTo(old.plusSeconds(90));
        assertThat(chats.messages(mario.id(), Paging.first(5)).items())
                .extracting(MessageView::body, MessageView::direction, MessageView::status, MessageView::sentAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("due", MessageDirection.INBOUND, MessageStatus.PENDING, old.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple("uno", MessageDirection.OUTBOUND, MessageStatus.READ, old));
        assertThat(chats.messages(anna.id(), Paging.first(5)).items()).extracting(MessageView::status)
                .as("a duplicate inside the page never moves a status back").containsExactly(MessageStatus.READ, MessageStatus.PENDING);

        Map<String, Object> before = snapshot();
        events.clear();
        inbound.messagesReceived(page);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(events.committed()).isEmpty();

        inbound.messagesReceived(List.of(new WaMessage("false_" + MARIO + "_H2", MARIO, null, false, "due", "chat", old.plusSeconds(60), 3)));
        long h2 = jdbc.queryForObject("select id from message where wa_message_id = ?", Long.class, "false_" + MARIO + "_H2");
        assertThat(events.committed()).containsExactly(new MessageAckChanged(h2, mario.id(), MessageStatus.READ));
    }

    @Test
    void statusNeverMovesBackwardsExceptToFailed() {
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS);
        String id = "true_" + MARIO + "_OUT1";
        inbound.messagesReceived(List.of(new WaMessage(id, MARIO, null, true, "hi", "chat", t, 1)));
        long messageId = jdbc.queryForObject("select id from message", Long.class);
        long chatId = jdbc.queryForObject("select chat_id from message", Long.class);
        events.clear();

        inbound.ackChanged(new WaAck(MARIO, List.of(id, "unknown-id"), 3));
        inbound.ackChanged(new WaAck(MARIO, List.of(id), 3));
        inbound.ackChanged(new WaAck(MARIO, List.of(id), 2));
        inbound.messagesReceived(List.of(new WaMessage(id, MARIO, null, true, "hi", "chat", t, 1)));
        inbound.messagesReceived(List.of(new WaMessage(id, MARIO, null, true, "hi", "chat", t, 4)));
        inbound.ackChanged(new WaAck(MARIO, List.of(id), -1));
        inbound.ackChanged(new WaAck(MARIO, List.of(id), -1));
        assertThat(events.committed()).containsExactly(
                new MessageAckChanged(messageId, chatId, MessageStatus.READ),
                new MessageAckChanged(messageId, chatId, MessageStatus.PLAYED),
                new MessageAckChanged(messageId, chatId, MessageStatus.FAILED));
        assertThat(chats.messages(chatId, Paging.first(1)).items().get(0).status()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void chatsSyncNamesUnreadActivityAndLabels() {
        inbound.labelsSynced(List.of(new WaLabel("9", "Lead", "#00ff00")));
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        List<WaChat> batch = List.of(new WaChat(ANNA, "Anna", false, 2, t, List.of("9")),
                new WaChat(GROUP, "Famiglia 👨‍👩‍👧", true, 0, t.minusSeconds(10), List.of()));
        inbound.chatsSynced(batch);
        Map<String, Object> before = snapshot();
        inbound.chatsSynced(batch);
        assertThat(snapshot()).isEqualTo(before);
        ContactView anna = contacts.findByWaId(ANNA).orElseThrow();
        assertThat(anna.tags()).extracting("name").containsExactly("Lead");
        assertThat(anna.chatId()).isNotNull();
        ChatView chat = chats.get(anna.chatId());
        assertThat(chat.unreadCount()).isEqualTo(2);
        assertThat(chat.name()).isEqualTo("Anna");
        assertThat(chats.list("famiglia", Paging.first(5)).items()).extracting(ChatView::name).containsExactly("Famiglia 👨‍👩‍👧");

        inbound.chatsSynced(List.of(new WaChat(ANNA, "Anna", false, 0, t.minusSeconds(100), List.of())));
        ChatView read = chats.get(anna.chatId());
        assertThat(read.unreadCount()).isZero();
        assertThat(read.lastActivity()).as("activity never goes back").isEqualTo(t);
    }
    @Test
    void aLabelTakesTheTagOfItsNameThenRenamesAndRecoloursItUnlessTheNameIsTaken() {
        var lead = tagCommands.create(new it.mssg.core.api.NewTag("Lead", "#111111"));
        var cold = tagCommands.create(new it.mssg.core.api.NewTag("Cold", "#222222"));
        inbound.labelsSynced(List.of(new WaLabel("5", "LEAD", "#333333")));
        assertThat(tagRow("id = " + lead.id())).as("a label whose name a tag has takes that tag as it is")
                .containsExactly("Lead", "lead", "#111111", "5");

        inbound.labelsSynced(List.of(new WaLabel("5", "Hot lead", "#445566")));
        assertThat(tags.findByName("HOT LEAD").orElseThrow()).extracting("id", "name", "color")
                .containsExactly(lead.id(), "Hot lead", "#445566");
        assertThat(tags.findByName("lead")).isEmpty();

        inbound.labelsSynced(List.of(new WaLabel("5", "cold", "#445566"), new WaLabel("6", "New", "#00ff00")));
        assertThat(tags.findByName("hot lead").orElseThrow().id()).as("Cold is another tag's name").isEqualTo(lead.id());
        assertThat(tags.findByName("cold").orElseThrow().id()).isEqualTo(cold.id());
        assertThat(tagRow("wa_label_id = '6'")).containsExactly("New", "new", "#00ff00", "6");
        assertThat(tagRow("id = " + lead.id())).containsExactly("Hot lead", "hot lead", "#445566", "5");
    }

    /** A tag's name, name_key, color and wa_label_id. */
    private List<String> tagRow(String where) {
        return jdbc.queryForObject("select name, name_key, color, wa_label_id from tag where " + where,
                (rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    @Test
    void aStoredContactGainsANewLabelsTagAndKeepsTheOnesItHas() {
        inbound.labelsSynced(List.of(new WaLabel("1", "VIP", "#ff0000"), new WaLabel("2", "Lead", "#00ff00")));
        var manual = tagCommands.create(new it.mssg.core.api.NewTag("Typed", null));
        inbound.contactsSynced(List.of(new WaContact(MARIO, "Mario", "Mario", false, true, List.of("1"))));
        ContactView synced = contacts.findByWaId(MARIO).orElseThrow();
        ContactView before = contactCommands.update(synced.id(),
                it.mssg.core.api.ContactEdit.tags(java.util.Set.of(synced.tags().get(0).id(), manual.id())));
        events.clear();

        inbound.contactsSynced(List.of(new WaContact(MARIO, "Mario", "Mario", false, true, List.of("1", "2", "unknown"))));
        assertThat(events.committed()).containsExactly(new ContactsSynced(0, 1));
        ContactView after = contacts.findByWaId(MARIO).orElseThrow();
        assertThat(after.tags()).extracting("name").containsExactly("Lead", "Typed", "VIP");
        assertThat(after.updatedAt()).isAfter(before.updatedAt());
        assertThat(contacts.search(ContactSearch.of(new ContactFilter(null, java.util.Set.of(after.tags().get(0).id())), null)).total())
                .isEqualTo(1);
    }

    @Test
    void aChatOrAMessageFromATypedNumberJoinsThatContact() {
        ContactView typed = contactCommands.create(new NewContact("333 123 4567", "Mario (typed)", null, null, null));
        inbound.labelsSynced(List.of(new WaLabel("9", "Lead", "#00ff00")));
        inbound.chatsSynced(List.of(new WaChat(MARIO, "Mario", false, 1, Instant.parse("2026-11-01T10:00:00Z"), List.of("9"))));
        ContactView joined = contacts.get(typed.id());
        assertThat(joined.waId()).isEqualTo(MARIO);
        assertThat(joined.displayName()).isEqualTo("Mario (typed)");
        assertThat(joined.tags()).extracting("name").containsExactly("Lead");
        assertThat(joined.updatedAt()).isAfter(typed.updatedAt());
        assertThat(chats.get(joined.chatId()).contactId()).isEqualTo(typed.id());

        ContactView anna = contactCommands.create(new NewContact("347 123 4567", null, null, null, null));
        events.clear();
        inbound.messagesReceived(List.of(new WaMessage("false_" + ANNA + "_L1", ANNA, null, false, "ciao", "chat",
                Instant.now(), 0)));
        ContactView annaJoined = contacts.get(anna.id());
        assertThat(annaJoined.waId()).isEqualTo(ANNA);
        assertThat(annaJoined.updatedAt()).isAfter(anna.updatedAt());
        MessageReceived received = (MessageReceived) events.committed().get(0);
        assertThat(received.contactId()).isEqualTo(anna.id());
        ChatView chat = chats.get(received.chatId());
        assertThat(chat.contactId()).isEqualTo(anna.id());
        assertThat(chat.unreadCount()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from contact", Long.class)).isEqualTo(2);
    }
}
