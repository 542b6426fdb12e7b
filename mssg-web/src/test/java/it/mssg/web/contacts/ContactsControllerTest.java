package it.mssg.web.contacts;

import it.mssg.core.api.BulkTagging;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactImport;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSort;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactSummaryView;
import it.mssg.core.api.PageView;
import it.mssg.core.api.SortDirection;
import it.mssg.core.api.TagChoice;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagRefView;
import it.mssg.core.api.TagView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ContactsController.class)
class ContactsControllerTest extends WebSliceTest {

    static final String HOSTILE = "<script>alert(1)</script>";
    static final String RTL = "\u202Eexe.txt";
    static final String EMOJI = "Zoë 👩‍💻🇮🇹";

    @MockitoBean ContactQueries contacts;
    @MockitoBean ContactCommands commands;
    @MockitoBean TagQueries tags;
    @MockitoBean ContactImport csv;

    @BeforeEach
    void data() {
        TagRefView vip = new TagRefView(1, "vip", "#aa0000");
        when(contacts.search(any())).thenReturn(new PageView<>(List.of(
                new ContactSummaryView(7, HOSTILE, RTL, "+393331234567", null, false, false, ContactSource.CSV,
                        List.of(vip), Instant.parse("2026-11-01T10:00:00Z")),
                new ContactSummaryView(8, EMOJI, null, "+393339999999", "393339999999@c.us", true, true,
                        ContactSource.WHATSAPP, List.of(), Instant.parse("2026-11-02T10:00:00Z"))), 0, 50, 2));
        when(tags.choices()).thenReturn(List.of(new TagChoice(1, "vip", "#aa0000"), new TagChoice(2, "<b>bold</b>", "#00aa00")));
        when(tags.get(1)).thenReturn(new TagView(1, "vip", "#aa0000", 1));
    }

    @Test
    void thePageHasTheLayoutAndTheList() throws Exception {
        mvc.perform(get("/contacts").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("aria-current=\"page\">Contacts")))
                .andExpect(content().string(containsString("id=\"contact-results\"")))
                .andExpect(content().string(containsString("+393331234567")))
                .andExpect(content().string(containsString("1–2 of 2")));
    }

    @Test
    void aPagePastTheEndSaysSoAndLeadsBackInsteadOfSayingThereAreNoContacts() throws Exception {
        when(contacts.search(any())).thenReturn(new PageView<>(List.of(), 5, 50, 21));
        mvc.perform(get("/contacts").param("page", "5").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This page is past the end of the list.")))
                .andExpect(content().string(not(containsString("No contacts yet"))))
                .andExpect(content().string(not(containsString("251–250"))));
    }

    @Test
    void htmxGetsOnlyTheResults() throws Exception {
        mvc.perform(get("/contacts").param("q", "anna").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("id=\"contact-search\""))))
                .andExpect(content().string(containsString("id=\"contact-results\"")))
                .andExpect(header().string("HX-Push-Url", "/contacts?q=anna"));
        mvc.perform(get("/contacts").param("q", "").param("sort", "name").with(owner()).header("HX-Request", "true"))
                .andExpect(header().string("HX-Push-Url", "/contacts"));
    }

    @Test
    void hostileNamesAreEscapedAndIntact() throws Exception {
        String html = mvc.perform(get("/contacts").with(owner())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain(HOSTILE).doesNotContain("<b>bold</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b&gt;bold&lt;/b&gt;")
                .contains(RTL)
                .contains(EMOJI);
    }

    @Test
    void searchTagsSortAndPageReachTheCore() throws Exception {
        mvc.perform(get("/contacts").param("q", " anna ").param("tag", "1", "2").param("sort", "-updated")
                .param("page", "2").with(owner()).header("HX-Request", "true")).andExpect(status().isOk());
        ArgumentCaptor<ContactSearch> search = ArgumentCaptor.forClass(ContactSearch.class);
        verify(contacts).search(search.capture());
        assertThat(search.getValue().filter().text()).isEqualTo("anna");
        assertThat(search.getValue().filter().tagIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(search.getValue().sort()).isEqualTo(new ContactSort(ContactSort.Field.UPDATED, SortDirection.DESC));
        assertThat(search.getValue().paging().page()).isEqualTo(2);
    }

    @Test
    void tagChipsToggleAndKeepTheSearch() throws Exception {
        mvc.perform(get("/contacts").param("q", "anna").param("tag", "1").with(owner()))
                .andExpect(content().string(containsString("href=\"/contacts?q=anna\"")))
                .andExpect(content().string(containsString("href=\"/contacts?q=anna&amp;tag=1&amp;tag=2\"")));
    }

    @Test
    void selectedContactsGetTaggedWithAToast() throws Exception {
        when(commands.tag(any())).thenReturn(2);
        mvc.perform(post("/contacts/bulk").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("ids", "7", "8").param("tagId", "1").param("action", "tag").param("q", "anna"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Tagged 2 contacts with")))
                .andExpect(content().string(containsString("id=\"contact-results\"")));
        verify(commands).tag(new BulkTagging(Set.of(7L, 8L), 1));
    }

    @Test
    void bulkDeleteGoesOneByOneAndKeepsWhoOptedOut() throws Exception {
        org.mockito.Mockito.doThrow(new it.mssg.core.api.ConflictException("optedOut", "opted out")).when(commands).delete(8);
        org.mockito.Mockito.doThrow(new it.mssg.core.api.NotFoundException("contact", 9)).when(commands).delete(9);
        mvc.perform(post("/contacts/bulk").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("ids", "7", "8", "9", "7").param("action", "delete"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Deleted 1 contact. 1 who opted out was kept")))
                .andExpect(content().string(containsString("id=\"contact-results\"")));
        verify(commands).delete(7);
        verify(commands).delete(8);
        mvc.perform(post("/contacts/bulk").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("action", "delete"))
                .andExpect(header().string("HX-Trigger", containsString("Select at least one contact")));
        mvc.perform(get("/contacts").with(owner()))
                .andExpect(content().string(containsString("value=\"delete\"")))
                .andExpect(content().string(containsString("data-confirm=\"Delete the selected contacts")));
    }

    @Test
    void untaggingNeedsASelection() throws Exception {
        mvc.perform(post("/contacts/bulk").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("tagId", "1").param("action", "untag"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("\"level\":\"error\"")))
                .andExpect(header().string("HX-Trigger", containsString("Select at least one contact")));
        verify(commands, never()).untag(any());
    }

    @Test
    void withoutHtmxTheBulkFormRedirectsBackToTheSameList() throws Exception {
        when(commands.untag(any())).thenReturn(1);
        mvc.perform(post("/contacts/bulk").with(owner()).with(csrf())
                        .param("ids", "7").param("tagId", "1").param("action", "untag").param("q", "anna"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/contacts?q=anna"));
    }

    @Test
    void thousandsOfTagsOfferTheFirstFortyAndTheChosenOnesAsChips() throws Exception {
        List<TagChoice> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 500; i++) many.add(new TagChoice(i, String.format("t%03d", i), "#aa0000"));
        when(tags.choices()).thenReturn(many);
        String page = mvc.perform(get("/contacts").param("tag", "300").with(owner()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String chips = page.substring(page.indexOf("aria-label=\"Filter by tag\""), page.indexOf("and 460 more on Tags"));
        assertThat(chips.split("aria-pressed=", -1)).as("40 chips").hasSize(41);
        assertThat(chips).contains(">t001<", ">t039<", ">t300<").doesNotContain(">t040<", ">t299<");
    }

    @Test
    void anUnknownBulkActionDoesNothing() throws Exception {
        mvc.perform(post("/contacts/bulk").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("ids", "7").param("tagId", "1").param("action", "bogus"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Choose Add tag, Remove tag or Delete.")));
        verify(commands, never()).tag(any());
        verify(commands, never()).untag(any());
    }

    @Test
    void withoutScriptsABulkDeleteAsksOnAPageFirst() throws Exception {
        mvc.perform(post("/contacts/bulk").with(owner()).with(csrf())
                        .param("ids", "7", "9").param("action", "delete").param("q", "anna"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Delete 2 contacts?")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"yes\"")))
                .andExpect(content().string(containsString("name=\"ids\" value=\"9\"")))
                .andExpect(content().string(containsString("href=\"/contacts?q=anna\"")));
        verify(commands, never()).delete(org.mockito.ArgumentMatchers.anyLong());

        mvc.perform(post("/contacts/bulk").with(owner()).with(csrf())
                        .param("ids", "7", "9").param("action", "delete").param("confirmed", "yes").param("q", "anna"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/contacts?q=anna"));
        verify(commands).delete(7L);
        verify(commands).delete(9L);
    }

    @Test
    void exportDownloadsTheFilteredContactsAsCsv() throws Exception {
        when(csv.exportFileName()).thenReturn("mssg-contacts-2026-11-29.csv");
        doAnswer(call -> {
            call.getArgument(1, OutputStream.class).write("phone,name\r\n+393331234567,Anna\r\n".getBytes(StandardCharsets.UTF_8));
            return 1L;
        }).when(csv).exportCsv(any(), any());
        mvc.perform(get("/contacts/export").param("q", "anna").with(owner()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("mssg-contacts-2026-11-29.csv")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("+393331234567,Anna")));
    }

    @Test
    void anUnknownSortIsAClearErrorNotACrash() throws Exception {
        mvc.perform(get("/contacts").param("sort", "shoe size").with(owner()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("unknown sort field")));
    }
}
