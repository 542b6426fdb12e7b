package it.mssg.web.api;

import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactSummaryView;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.NewTag;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import it.mssg.core.api.TagCommands;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagRefView;
import it.mssg.core.api.TagView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {ContactsApi.class, TagsApi.class, ChatsApi.class, SessionApi.class, ApiFallback.class})
class ApiTest extends WebSliceTest {

    @MockitoBean ContactQueries contacts;
    @MockitoBean ContactCommands commands;
    @MockitoBean TagQueries tags;
    @MockitoBean TagCommands tagCommands;
    @MockitoBean ChatQueries chats;

    ContactView anna = new ContactView(7, null, "+393331234567", "<b>Anna</b>", null, false, "n", false,
            ContactSource.MANUAL, Map.of("city", "Torino"), List.of(new TagRefView(1, "vip", "#aa0000")), null,
            Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-02T10:00:00Z"));

    @BeforeEach
    void data() {
        when(contacts.search(any())).thenReturn(new PageView<>(List.of(new ContactSummaryView(7, "<b>Anna</b>", null,
                "+393331234567", null, false, false, ContactSource.MANUAL, List.of(), Instant.EPOCH)), 0, 50, 1));
        when(contacts.get(7)).thenReturn(anna);
        when(contacts.get(8)).thenThrow(new NotFoundException("contact", 8));
        when(tags.findByName("vip")).thenReturn(Optional.of(new TagView(1, "vip", "#aa0000", 1)));
    }

    @Test
    void contactsAreAddedAndDeletedWithTheRulesSaidInWords() throws Exception {
        when(commands.create(any())).thenReturn(anna);
        mvc.perform(post("/api/contacts").with(bearer()).contentType("application/json")
                        .content("{\"phone\": \"333 123 4567\", \"displayName\": \"Anna\", \"tagIds\": [1]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/contacts/7"))
                .andExpect(jsonPath("$.phoneE164").value("+393331234567"));
        verify(commands).create(new NewContact("333 123 4567", "Anna", null, null, Set.of(1L)));
        // a suppression list entered by script: the opt-out is not dropped
        mvc.perform(post("/api/contacts").with(bearer()).contentType("application/json")
                        .content("{\"phone\": \"333 765 4321\", \"optedOut\": true}"))
                .andExpect(status().isCreated());
        verify(commands).create(new NewContact("333 765 4321", null, null, null, null, true));
        mvc.perform(post("/api/contacts").with(bearer()).contentType("application/json").content("{\"displayName\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("phone"));
        mvc.perform(post("/api/contacts").with(bearer()).contentType("application/json")
                        .content("{\"phone\": \"333 123 4567\", \"tagIds\": [1, null]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tagIds"));
        mvc.perform(patch("/api/contacts/7").with(bearer()).contentType("application/json").content("{\"tagIds\": [null]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tagIds"));
        when(commands.create(any())).thenThrow(new ConflictException("phone", "a contact with the number +393331234567 exists already"));
        mvc.perform(post("/api/contacts").with(bearer()).contentType("application/json").content("{\"phone\": \"+393331234567\"}"))
                .andExpect(status().isConflict());

        mvc.perform(delete("/api/contacts/7").with(bearer())).andExpect(status().isNoContent());
        verify(commands).delete(7);
        org.mockito.Mockito.doThrow(new ConflictException("optedOut", "Bruno opted out: mssg keeps the contact"))
                .when(commands).delete(9);
        mvc.perform(delete("/api/contacts/9").with(bearer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("opted out")));
        org.mockito.Mockito.doThrow(new NotFoundException("contact", 8)).when(commands).delete(8);
        mvc.perform(delete("/api/contacts/8").with(bearer())).andExpect(status().isNotFound());
    }

    @Test
    void searchTakesTagIdsOrNames() throws Exception {
        mvc.perform(get("/api/contacts").param("q", "ann").param("tag", "vip", "3").param("size", "10").with(bearer()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.items[0].displayName").value("<b>Anna</b>"))
                .andExpect(jsonPath("$.total").value(1));
        ArgumentCaptor<ContactSearch> search = ArgumentCaptor.forClass(ContactSearch.class);
        verify(contacts).search(search.capture());
        assertThat(search.getValue().filter().tagIds()).containsExactlyInAnyOrder(1L, 3L);
        assertThat(search.getValue().paging().size()).isEqualTo(10);
    }

    @Test
    void badParametersAreProblemDetails() throws Exception {
        mvc.perform(get("/api/contacts").param("tag", "nope").with(bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.field").value("tag"));
        mvc.perform(get("/api/contacts").param("size", "100000").with(bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get("/api/contacts/abc").with(bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anUnknownContactIs404() throws Exception {
        mvc.perform(get("/api/contacts/8").with(bearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.kind").value("contact"));
    }

    @Test
    void patchChangesOnlyWhatIsSent() throws Exception {
        when(commands.update(anyLong(), any())).thenReturn(anna);
        mvc.perform(patch("/api/contacts/7").with(bearer()).contentType("application/json")
                        .content("{\"notes\":\"called back\",\"tagIds\":[1,2]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fields.city").value("Torino"));
        verify(commands).update(7, new ContactEdit(null, "called back", null, Set.of(1L, 2L), null));
    }

    @Test
    void aPatchTheCommandRefusesSaysWhichField() throws Exception {
        mvc.perform(patch("/api/contacts/7").with(bearer()).contentType("application/json")
                        .content("{\"fields\":{\"<bad key>\":\"x\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("fields"))
                .andExpect(jsonPath("$.detail", containsString("invalid field name")));
        mvc.perform(patch("/api/contacts/7").with(bearer()).contentType("application/json").content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("at it.mssg"))));
        verify(commands, never()).update(anyLong(), any());
    }

    @Test
    void tagsCanBeCreatedListedChangedAndDeleted() throws Exception {
        when(tagCommands.create(new NewTag("team", "#123456"))).thenReturn(new TagView(4, "team", "#123456", 0));
        mvc.perform(post("/api/tags").with(bearer()).contentType("application/json").content("{\"name\":\" team \",\"color\":\"#123456\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/tags/4"))
                .andExpect(jsonPath("$.id").value(4));
        when(tagCommands.create(new NewTag("VIP", null))).thenThrow(new ConflictException("name", "a tag named VIP exists"));
        mvc.perform(post("/api/tags").with(bearer()).contentType("application/json").content("{\"name\":\"VIP\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Conflict"));
        when(tagCommands.delete(1)).thenReturn(5);
        mvc.perform(delete("/api/tags/1").with(bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contactsTouched").value(5));
        when(tags.get(1)).thenReturn(new TagView(1, "vip", "#aa0000", 1));
        when(tagCommands.recolor(1, "#000000")).thenReturn(new TagView(1, "vip", "#000000", 1));
        mvc.perform(patch("/api/tags/1").with(bearer()).contentType("application/json").content("{\"color\":\"#000000\"}"))
                .andExpect(jsonPath("$.color").value("#000000"));
    }

    @Test
    void chatsAndMessagesArePaged() throws Exception {
        when(chats.list(any(), any())).thenReturn(new PageView<>(List.of(), 0, 50, 0));
        when(chats.messages(anyLong(), any())).thenThrow(new NotFoundException("chat", 9));
        mvc.perform(get("/api/chats").with(bearer())).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/chats/9/messages").with(bearer())).andExpect(status().isNotFound());
    }

    @Test
    void theSessionIsReadAndControlled() throws Exception {
        when(session.status()).thenReturn(new SessionStatus(SessionState.DISCONNECTED, DisconnectReason.LOGGED_OUT,
                null, null, 0, "2.3000.1", Instant.EPOCH));
        mvc.perform(get("/api/session").with(bearer()))
                .andExpect(jsonPath("$.state").value("DISCONNECTED"))
                .andExpect(jsonPath("$.reason").value("LOGGED_OUT"))
                .andExpect(jsonPath("$.progress").value(0))
                .andExpect(jsonPath("$.version").value("2.3000.1"));
        mvc.perform(post("/api/session/restart").with(bearer())).andExpect(status().isAccepted());
        verify(session).restart();
        mvc.perform(post("/api/session/logout").with(bearer())).andExpect(status().isAccepted());
        verify(session).logout();
    }

    @Test
    void anUnreadableBodyNamesTheMemberAndWhatItShouldBe() throws Exception {
        mvc.perform(post("/api/contacts").with(bearer()).contentType("application/json")
                        .content("{\"phone\": \"333 123 4567\", \"tagIds\": \"vip\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tagIds"))
                .andExpect(jsonPath("$.detail").value("“tagIds” cannot be read as a list."));
        mvc.perform(post("/api/contacts").with(bearer()).contentType("application/json")
                        .content("{\"phone\": \"333 123 4567\", \"optedOut\": \"perhaps\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("“optedOut” cannot be read as true or false."));
        mvc.perform(post("/api/contacts").with(bearer()).contentType("application/json")
                        .content("{\"phone\": \"333 123 4567\", \"tagIds\": [1.5]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tagIds[0]"));
        mvc.perform(post("/api/contacts").with(bearer()).contentType("application/json").content("{\"phone\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
    }

    @Test
    void unknownEndpointsAndUnexpectedFailuresAreProblemDetailsWithoutInternals() throws Exception {
        mvc.perform(get("/api/nothing/here").with(bearer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        when(tags.list()).thenThrow(new IllegalStateException("SQL went wrong: SELECT secret FROM x"));
        mvc.perform(get("/api/tags").with(bearer()))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(not(containsString("SELECT"))));
        mvc.perform(put("/api/session").with(bearer())).andExpect(status().is4xxClientError());
        // a right address with a method it does not take: 405 and the methods it does, not "not found"
        mvc.perform(put("/api/contacts/7").with(bearer())).andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("PATCH")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(delete("/api/contacts").with(bearer())).andExpect(status().isMethodNotAllowed());
    }
}
