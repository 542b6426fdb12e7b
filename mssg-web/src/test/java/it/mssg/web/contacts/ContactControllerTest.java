package it.mssg.web.contacts;

import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageStatus;
import it.mssg.core.api.MessageView;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagChoice;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagRefView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ContactController.class)
class ContactControllerTest extends WebSliceTest {

    @MockitoBean ContactQueries contacts;
    @MockitoBean ContactCommands commands;
    @MockitoBean TagQueries tags;
    @MockitoBean ChatQueries chats;
    @MockitoBean SendMessages sender;
    @MockitoBean OutboxQueries outbox;
    @MockitoBean OutboxCommands outboxCommands;

    ContactView anna = new ContactView(7, "393331234567@c.us", "+393331234567", "Anna <img src=x onerror=alert(1)>",
            "annina \u202Eevil", false, "likes <b>tea</b>\nand cake 🍰", false, ContactSource.CSV,
            Map.of("city", "Torino"), List.of(new TagRefView(1, "vip", "#aa0000")), 70L,
            Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-02T10:00:00Z"));

    @BeforeEach
    void data() {
        when(contacts.get(7)).thenReturn(anna);
        when(contacts.get(99)).thenThrow(new NotFoundException("contact", 99));
        when(tags.choices()).thenReturn(List.of(new TagChoice(1, "vip", "#aa0000"), new TagChoice(2, "friends", "#00aa00")));
        when(chats.messages(70, Paging.of(0, ContactController.MESSAGES_PAGE))).thenReturn(new PageView<>(List.of(
                new MessageView(2, 70, "w2", MessageDirection.OUTBOUND, null, "second </span><script>x()</script>", "chat",
                        Instant.parse("2026-11-02T10:00:00Z"), MessageStatus.READ),
                new MessageView(1, 70, "w1", MessageDirection.INBOUND, null, "first 👋", "chat",
                        Instant.parse("2026-11-01T10:00:00Z"), null)), 0, 30, 2));
    }

    @Test
    void showsEverythingEscapedWithTheConversationOldestFirst() throws Exception {
        String html = mvc.perform(get("/contacts/7").with(owner()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Anna &lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x")
                .contains("annina \u202Eevil")
                .contains("likes &lt;b&gt;tea&lt;/b&gt;\nand cake 🍰")
                .contains("Torino")
                .contains("second &lt;/span&gt;&lt;script&gt;x()&lt;/script&gt;")
                .doesNotContain("<script>x()");
        assertThat(html.indexOf("first 👋")).isLessThan(html.indexOf("second &lt;"));
        assertThat(html).contains("value=\"2\">friends</option>").doesNotContain("value=\"1\">vip</option>");
    }

    @Test
    void anUnknownContactIsA404Page() throws Exception {
        mvc.perform(get("/contacts/99").with(owner()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("does not exist")));
    }

    @Test
    void savingDetailsSendsAnEditAndSwapsTheEditor() throws Exception {
        when(commands.update(anyLong(), any())).thenReturn(anna);
        mvc.perform(post("/contacts/7").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("displayName", "Anna B").param("notes", "new notes").param("optedOut", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Saved.")))
                .andExpect(content().string(containsString("id=\"contact-editor\"")))
                .andExpect(content().string(not(containsString("<html"))));
        verify(commands).update(7, new ContactEdit("Anna B", "new notes", null, null, true));
    }

    @Test
    void savingAPageOpenedBeforeAnOptOutLeavesTheOptOutAlone() throws Exception {
        when(commands.update(anyLong(), any())).thenReturn(anna);
        // the page showed the box unticked and it was left so: the opt-out that came in meanwhile stays
        mvc.perform(post("/contacts/7").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("displayName", "Anna").param("notes", "called back").param("optedOutShown", "false"))
                .andExpect(status().isOk());
        verify(commands).update(7, new ContactEdit("Anna", "called back", null, null, null));
        // ticked on purpose, and unticked on purpose
        mvc.perform(post("/contacts/7").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("displayName", "Anna").param("notes", "").param("optedOutShown", "false").param("optedOut", "true"))
                .andExpect(status().isOk());
        verify(commands).update(7, new ContactEdit("Anna", "", null, null, true));
        mvc.perform(post("/contacts/7").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("displayName", "Anna").param("notes", "x").param("optedOutShown", "true"))
                .andExpect(status().isOk());
        verify(commands).update(7, new ContactEdit("Anna", "x", null, null, false));
    }

    @Test
    void addingAndRemovingATagReplacesTheSet() throws Exception {
        mvc.perform(post("/contacts/7/tags").with(owner()).with(csrf().asHeader()).header("HX-Request", "true").param("tagId", "2"))
                .andExpect(status().isOk());
        verify(commands).update(7, ContactEdit.tags(Set.of(1L, 2L)));
        mvc.perform(post("/contacts/7/tags/1/remove").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk());
        verify(commands).update(7, ContactEdit.tags(Set.of()));
    }

    @Test
    void badFieldsKeepWhatWasTypedAndSayWhy() throws Exception {
        mvc.perform(post("/contacts/7/fields").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("key", "city", "city").param("value", "Roma", "Milano"))
                .andExpect(status().is(422))
                .andExpect(header().string("HX-Reswap", "none"))
                .andExpect(header().string("HX-Trigger", containsString("appears twice")));
        verify(commands, never()).update(anyLong(), any());
    }

    @Test
    void aContactAddedByHandOpensItsPageAndANumberStoredAlreadyLinksToItsContact() throws Exception {
        mvc.perform(get("/contacts/new").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"phone\"")))
                .andExpect(content().string(containsString(">friends</span>")));
        when(commands.create(any())).thenReturn(anna);
        mvc.perform(post("/contacts/new").with(owner()).with(csrf()).param("phone", "333 123 4567")
                        .param("displayName", "Anna").param("tagId", "2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/contacts/7"));
        verify(commands).create(new NewContact("333 123 4567", "Anna", "", Map.of(), Set.of(2L)));

        when(commands.create(any())).thenThrow(new ConflictException("phone", "a contact with the number +393331234567 exists already"));
        when(contacts.findByNumber("+39 333 123 4567")).thenReturn(java.util.Optional.of(anna));
        mvc.perform(post("/contacts/new").with(owner()).with(csrf()).param("phone", "+39 333 123 4567").param("displayName", "<b>x</b>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("exists already")))
                .andExpect(content().string(containsString("href=\"/contacts/7\"")))
                .andExpect(content().string(containsString("value=\"&lt;b&gt;x&lt;/b&gt;\"")));
    }

    @Test
    void aBadNumberIsSaidOnTheFormWithWhatWasTyped() throws Exception {
        when(commands.create(any())).thenThrow(new InvalidInputException("phone", "not a phone number"));
        mvc.perform(post("/contacts/new").with(owner()).with(csrf()).param("phone", "12").param("notes", "keep me"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not a phone number")))
                .andExpect(content().string(containsString("keep me")));
        mvc.perform(post("/contacts/new").with(owner()).with(csrf()).param("phone", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("a phone number is required")));
    }

    @Test
    void deletingGoesBackToTheListAndAnOptedOutContactStaysWithTheReason() throws Exception {
        mvc.perform(post("/contacts/7/delete").with(owner()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/contacts"));
        verify(commands).delete(7);

        org.mockito.Mockito.doThrow(new ConflictException("optedOut", "Bruno opted out: mssg keeps the contact"))
                .when(commands).delete(8);
        when(contacts.get(8)).thenReturn(anna);
        mvc.perform(post("/contacts/8/delete").with(owner()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/contacts/8"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("toast", containsString("opted out")));
        mvc.perform(post("/contacts/7/delete").with(owner())).andExpect(status().isForbidden()); // no CSRF token
    }

    @Test
    void aContactWithoutAChatGetsItsFirstMessageHereThroughTheOutbox() throws Exception {
        ContactView dora = new ContactView(9, null, "+393334445555", "Dora", null, false, null, false, ContactSource.MANUAL,
                Map.of(), List.of(), null, Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:00:00Z"));
        when(contacts.get(9)).thenReturn(dora);
        when(outbox.timeZone()).thenReturn(java.time.ZoneId.of("Europe/Rome"));
        when(outbox.recentForContact(9)).thenReturn(List.of(new OutboxEntryView(3, OutboxState.BLOCKED, "COLD_CAP",
                "today's limit for new people is reached", null, "REPLY", 9L, "Dora", "393334445555@c.us", "Hello <b>Dora</b>",
                null, null, null, null, Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:00:00Z"))));
        String html = mvc.perform(get("/contacts/9").with(owner()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Write to Dora").contains("name=\"clientKey\"")
                .contains("Hello &lt;b&gt;Dora&lt;/b&gt;").contains("today&#39;s limit for new people");

        when(sender.send(any())).thenReturn(new OutboxEntryView(4, OutboxState.QUEUED, null, null, null, "REPLY", 9L, "Dora",
                "393334445555@c.us", "Ciao", null, null, null, null, Instant.now(), Instant.now()));
        mvc.perform(post("/contacts/9/write").with(owner()).with(csrf()).param("text", "Ciao").param("clientKey", "k-1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/contacts/9"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("toast", containsString("Queued")));
        verify(sender).send(SendCommand.reply(9L, null, "Ciao", "k-1"));

        assertThat(html).contains("action=\"/contacts/9/outbox/3/cancel\"").contains("action=\"/contacts/9/outbox/3/retry\"");
        mvc.perform(post("/contacts/9/outbox/3/retry").with(owner()).with(csrf()))
                .andExpect(header().string("Location", "/contacts/9"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("toast", containsString("Queued again")));
        verify(outboxCommands).retry(3);
        mvc.perform(post("/contacts/9/outbox/3/cancel").with(owner()).with(csrf()))
                .andExpect(header().string("Location", "/contacts/9"));
        verify(outboxCommands).cancel(3);
        mvc.perform(post("/contacts/9/outbox/44/cancel").with(owner()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/contacts/9/outbox/3/resend").with(owner()).with(csrf())).andExpect(status().isNotFound());
        verify(outboxCommands, never()).cancel(44);

        mvc.perform(post("/contacts/9/write").with(owner()).with(csrf()).param("text", "\u200B").param("clientKey", "k-2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("typed", "\u200B"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("clientKey", "k-2"));
    }

    @Test
    void anOptedOutContactWithoutAChatHasNoFirstMessageForm() throws Exception {
        ContactView out = new ContactView(10, null, "+393334446666", "Ezio", null, false, null, true, ContactSource.MANUAL,
                Map.of(), List.of(), null, Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:00:00Z"));
        when(contacts.get(10)).thenReturn(out);
        when(outbox.timeZone()).thenReturn(java.time.ZoneId.of("Europe/Rome"));
        mvc.perform(get("/contacts/10").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Write to Ezio"))))
                .andExpect(content().string(containsString("does not write to them first")))
                .andExpect(content().string(not(containsString("Delete this contact"))));
    }

    @Test
    void fieldsFromParallelLists() {
        assertThat(ContactController.fields(List.of("city", " ", "age "), List.of("Roma", "", "40")))
                .containsExactly(Map.entry("city", "Roma"), Map.entry("age", "40"));
        assertThat(ContactController.fields(null, null)).isEmpty();
        assertThat(ContactController.fields(List.of("note"), List.of())).containsExactly(Map.entry("note", ""));
        assertThatThrownBy(() -> ContactController.fields(List.of(""), List.of("orphan value")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("field name");
    }
}
