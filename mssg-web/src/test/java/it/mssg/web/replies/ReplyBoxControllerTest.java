package it.mssg.web.replies;

import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.FollowUpReminders;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.QuickReplies;
import it.mssg.core.api.QuickReplyView;
import it.mssg.core.api.ReminderView;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ReplyBoxController.class)
class ReplyBoxControllerTest extends WebSliceTest {

    static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

    @MockitoBean ChatQueries chats;
    @MockitoBean ContactQueries contacts;
    @MockitoBean SendMessages sender;
    @MockitoBean OutboxQueries outbox;
    @MockitoBean QuickReplies quickReplies;
    @MockitoBean FollowUpReminders reminders;
    @MockitoBean OutboxCommands outboxCommands;

    @BeforeEach
    void data() {
        when(chats.get(7)).thenReturn(new ChatView(7, "393331112222@c.us", "Anna", false, 0, NOW, 3L));
        when(chats.get(8)).thenReturn(new ChatView(8, "123@g.us", "Family", true, 0, NOW, null));
        when(contacts.get(3)).thenReturn(anna(false));
        // the outbox's zone, deliberately not this machine's (tests run in UTC)
        when(outbox.timeZone()).thenReturn(ZoneId.of("Europe/Rome"));
        when(outbox.recentForContact(3)).thenReturn(List.of(
                entry(1, OutboxState.READ, null, null, "hello <b>there</b>"),
                entry(2, OutboxState.BLOCKED, "QUIET_HOURS", "It is quiet hours until 08:00", "later")));
    }

    static ContactView anna(boolean optedOut) {
        return new ContactView(3, "393331112222@c.us", "+393331112222", "Anna", null, false, null, optedOut,
                ContactSource.WHATSAPP, java.util.Map.of(), List.of(), 7L, NOW, NOW);
    }

    static OutboxEntryView entry(long id, OutboxState state, String reason, String reasonText, String body) {
        return new OutboxEntryView(id, state, reason, reasonText, null, "REPLY", 3L, "Anna", "393331112222@c.us", body,
                null, null, state == OutboxState.READ ? NOW : null, null, NOW, NOW);
    }

    @Test
    void anEntryThatHasNotLeftIsCancelledAndABlockedOneSentAgainFromTheChatItIsIn() throws Exception {
        String box = mvc.perform(get("/chats/7/reply-box").with(owner()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(box).contains("hx-post=\"/chats/7/outbox/2/cancel\"").contains("hx-post=\"/chats/7/outbox/2/retry\"")
                .doesNotContain("/chats/7/outbox/1/cancel").doesNotContain("/chats/7/outbox/1/retry");

        mvc.perform(post("/chats/7/outbox/2/cancel").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Cancelled")))
                .andExpect(content().string(containsString("id=\"outbox-entries\"")));
        verify(outboxCommands).cancel(2);
        mvc.perform(post("/chats/7/outbox/2/retry").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Queued again")));
        verify(outboxCommands).retry(2);

        when(outboxCommands.cancel(2)).thenThrow(new it.mssg.core.api.ConflictException("state",
                "this message has already left or is being sent (it is SENDING)"));
        mvc.perform(post("/chats/7/outbox/2/cancel").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("already left")));
        // an entry this chat does not show, or a group chat's: nothing changes
        mvc.perform(post("/chats/7/outbox/99/cancel").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/chats/8/outbox/2/cancel").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        verify(outboxCommands, never()).cancel(99);
    }

    @Test
    void theBoxHasTheTextareaAKeyPerComposeAndTheEntriesWithTheirTicksAndReasons() throws Exception {
        String first = mvc.perform(get("/chats/7/reply-box").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"reply-text\"")))
                .andExpect(content().string(containsString("data-outbox-state=\"READ\"")))
                .andExpect(content().string(containsString("It is quiet hours until 08:00")))
                .andExpect(content().string(containsString("hello &lt;b&gt;there&lt;/b&gt;")))
                .andExpect(content().string(containsString("Remind me")))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/chats/7/reply-box").with(owner())).andReturn().getResponse().getContentAsString();
        assertThat(key(first)).isNotBlank().isNotEqualTo(key(second));
    }

    @Test
    void aGroupChatHasNoReminderForm() throws Exception {
        mvc.perform(get("/chats/8/reply-box").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reply-text\"")))
                .andExpect(content().string(not(containsString("Remind me"))));
    }

    @Test
    void aContactWhoOptedOutIsNamedAsSuchBeforeAndAfterAReply() throws Exception {
        mvc.perform(get("/chats/7/reply-box").with(owner()))
                .andExpect(content().string(not(containsString("id=\"reply-opted-out\""))));
        when(contacts.get(3)).thenReturn(anna(true));
        mvc.perform(get("/chats/7/reply-box").with(owner()))
                .andExpect(content().string(containsString("id=\"reply-opted-out\"")))
                .andExpect(content().string(containsString("This contact has opted out of your messages.")));
        // queued (the send rules decide at its turn), but not announced as if it were on its way
        when(sender.send(any())).thenReturn(entry(9, OutboxState.QUEUED, null, null, "hi"));
        mvc.perform(post("/chats/7/reply").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "hi").param("clientKey", "key-2").param("when", "now"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Queued, but this contact has opted out")))
                .andExpect(content().string(containsString("id=\"reply-opted-out\"")));
        // a group chat has no contact to ask
        mvc.perform(get("/chats/8/reply-box").with(owner()))
                .andExpect(content().string(not(containsString("id=\"reply-opted-out\""))));
    }

    @Test
    void sendsThroughTheOutboxWithTheComposeKeyAndOffersAFreshBox() throws Exception {
        when(sender.send(any())).thenReturn(entry(9, OutboxState.QUEUED, null, null, "hi"));
        String html = mvc.perform(post("/chats/7/reply").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "hi").param("clientKey", "key-1").param("when", "now"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Queued.")))
                .andReturn().getResponse().getContentAsString();
        ArgumentCaptor<SendCommand> sent = ArgumentCaptor.forClass(SendCommand.class);
        verify(sender).send(sent.capture());
        assertThat(sent.getValue().contactId()).isEqualTo(3L);
        assertThat(sent.getValue().chatId()).isNull();
        assertThat(sent.getValue().clientKey()).isEqualTo("key-1");
        assertThat(sent.getValue().text()).isEqualTo("hi");
        assertThat(key(html)).isNotEqualTo("key-1");
    }

    @Test
    void aGroupReplyGoesToTheChat() throws Exception {
        when(sender.send(any())).thenReturn(entry(9, OutboxState.QUEUED, null, null, "hi"));
        mvc.perform(post("/chats/8/reply").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "hi all").param("clientKey", "k"))
                .andExpect(status().isOk());
        ArgumentCaptor<SendCommand> sent = ArgumentCaptor.forClass(SendCommand.class);
        verify(sender).send(sent.capture());
        assertThat(sent.getValue().chatId()).isEqualTo(8L);
        assertThat(sent.getValue().contactId()).isNull();
    }

    @Test
    void anEmptyTextIsRefusedInWordsAndTheKeyStays() throws Exception {
        String html = mvc.perform(post("/chats/7/reply").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "   ").param("clientKey", "key-2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"reply-error\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(key(html)).isEqualTo("key-2");
        verify(sender, never()).send(any());
    }

    @Test
    void aRefusalFromTheOutboxKeepsWhatWasTyped() throws Exception {
        when(sender.send(any())).thenThrow(new InvalidInputException("text", "the text is longer than 65536 characters"));
        mvc.perform(post("/chats/7/reply").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "my long story").param("clientKey", "key-3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("longer than 65536")))
                .andExpect(content().string(containsString(">my long story</textarea>")));
    }

    @Test
    void sendLaterSchedulesAtTheChosenTimeAndRefusesThePast() throws Exception {
        when(sender.send(any())).thenReturn(entry(9, OutboxState.QUEUED, null, null, "hi"));
        mvc.perform(post("/chats/7/reply").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "happy birthday").param("clientKey", "k").param("when", "later")
                        .param("at", "2999-01-01T09:30"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Scheduled")));
        ArgumentCaptor<SendCommand> sent = ArgumentCaptor.forClass(SendCommand.class);
        verify(sender).send(sent.capture());
        // 09:30 in the outbox's zone (Rome, UTC+1 in January), not in this machine's
        assertThat(sent.getValue().notBefore()).isEqualTo(Instant.parse("2999-01-01T08:30:00Z"));

        mvc.perform(post("/chats/7/reply").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "too late").param("when", "later").param("at", "2001-01-01T09:30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That time has passed")));
        mvc.perform(post("/chats/7/reply").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "when?").param("when", "later").param("at", "tomorrow"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("cannot read the time")));
        verify(sender, times(1)).send(any());
    }

    @Test
    void withoutTheCsrfTokenNothingIsSent() throws Exception {
        mvc.perform(post("/chats/7/reply").with(owner()).param("text", "hi"))
                .andExpect(status().isForbidden());
        verify(sender, never()).send(any());
    }

    @Test
    void quickRepliesAreOfferedOnSlashFilledInForTheContact() throws Exception {
        when(quickReplies.list("ho")).thenReturn(List.of(new QuickReplyView(1, "hours", "Open 9-18, {{first_name}}", NOW),
                new QuickReplyView(2, "home", "At {{field.address}}", NOW)));
        when(quickReplies.render(1, 3L)).thenReturn("Open 9-18, Anna");
        when(quickReplies.render(2, 3L)).thenThrow(new InvalidInputException("field.address", "no value for field.address"));
        mvc.perform(get("/chats/7/quick-replies").with(owner()).header("HX-Request", "true").param("text", "/ho"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-quick-reply=\"Open 9-18, Anna\"")))
                .andExpect(content().string(containsString("/home: no value for field.address")));
        mvc.perform(get("/chats/7/quick-replies").with(owner()).header("HX-Request", "true").param("text", "hello /ho"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-quick-reply"))));
        verify(quickReplies, times(1)).list(any());
    }

    @Test
    void inAGroupQuickRepliesAreFilledInFromTheirFallbacksNotOfferedRaw() throws Exception {
        when(quickReplies.list("ho")).thenReturn(List.of(new QuickReplyView(1, "hours", "Open 9-18, {{first_name|all}}", NOW),
                new QuickReplyView(2, "hello", "Hello {{first_name}}", NOW)));
        when(quickReplies.render(1, null)).thenReturn("Open 9-18, all");
        when(quickReplies.render(2, null)).thenThrow(new InvalidInputException("contactId",
                "in a group chat, no value for {{first_name}} and no fallback"));
        mvc.perform(get("/chats/8/quick-replies").with(owner()).header("HX-Request", "true").param("text", "/ho"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-quick-reply=\"Open 9-18, all\"")))
                .andExpect(content().string(containsString("/hello: in a group chat, no value for {{first_name}}")))
                .andExpect(content().string(not(containsString("data-quick-reply=\"Hello {{first_name}}"))));
    }

    @Test
    void remindsInNDaysAndSaysWhatIsWrongWithBadDays() throws Exception {
        when(reminders.remind(3, 4, null)).thenReturn(new ReminderView(5, 3, "Anna", null, NOW, NOW, null));
        mvc.perform(post("/chats/7/remind").with(owner()).with(csrf().asHeader()).header("HX-Request", "true").param("days", "4"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("no reply in 4 days")));
        mvc.perform(post("/chats/7/remind").with(owner()).with(csrf().asHeader()).header("HX-Request", "true").param("days", "soon"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("a whole number from 1 to 365")));
        verify(reminders, times(1)).remind(anyLong(), anyInt(), any());
    }

    @Test
    void aReminderKeepsTheReplyBeingTypedAndItsKey() throws Exception {
        when(reminders.remind(3, 4, null)).thenReturn(new ReminderView(5, 3, "Anna", null, NOW, NOW, null));
        when(reminders.openFor(3)).thenReturn(List.of(new ReminderView(5, 3, "Anna", null, NOW, NOW, null)));
        String added = mvc.perform(post("/chats/7/remind").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("days", "4").param("text", "half a <b>reply</b>").param("clientKey", "compose-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("half a &lt;b&gt;reply&lt;/b&gt;</textarea>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(key(added)).isEqualTo("compose-1");
        String bad = mvc.perform(post("/chats/7/remind").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("days", "soon").param("text", "still here").param("clientKey", "compose-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("still here</textarea>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(key(bad)).isEqualTo("compose-1");
        mvc.perform(post("/chats/7/reminders/5/clear").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "and after clearing").param("clientKey", "compose-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("and after clearing</textarea>")));
    }

    @Test
    void aReminderIsClearedOnlyFromItsOwnChat() throws Exception {
        when(reminders.openFor(3)).thenReturn(List.of(new ReminderView(5, 3, "Anna", null, NOW, NOW, null)));
        mvc.perform(post("/chats/7/reminders/6/clear").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/chats/8/reminders/5/clear").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNotFound()); // a group chat has no reminders
        verify(reminders, never()).clear(anyLong());
        mvc.perform(post("/chats/7/reminders/5/clear").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Reminder cleared.")));
        verify(reminders).clear(5);
    }

    private static String key(String html) {
        int at = html.indexOf("name=\"clientKey\" value=\"");
        assertThat(at).as("hidden idempotency key").isPositive();
        int start = at + "name=\"clientKey\" value=\"".length();
        return html.substring(start, html.indexOf('"', start));
    }
}
