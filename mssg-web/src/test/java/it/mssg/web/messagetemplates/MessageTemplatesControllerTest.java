package it.mssg.web.messagetemplates;

import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactSummaryView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.MessageTemplates;
import it.mssg.core.api.PageView;
import it.mssg.core.api.TemplatePreviewView;
import it.mssg.core.api.TemplateView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MessageTemplatesController.class)
class MessageTemplatesControllerTest extends WebSliceTest {

    static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

    @MockitoBean MessageTemplates templates;
    @MockitoBean ContactQueries contacts;

    @BeforeEach
    void data() {
        when(templates.list()).thenReturn(List.of(new TemplateView(1, "Welcome", "Hi {{first_name|there}}",
                Set.of("first_name"), NOW, NOW)));
        when(templates.get(1)).thenReturn(new TemplateView(1, "Welcome", "Hi {{first_name|there}}", Set.of("first_name"), NOW, NOW));
        when(contacts.search(any())).thenReturn(new PageView<>(List.of(new ContactSummaryView(3, "Anna <x>", null,
                "+393331112222", null, false, false, ContactSource.MANUAL, List.of(), NOW)), 0, 100, 1));
    }

    @Test
    void listsTemplatesWithTheirVariables() throws Exception {
        mvc.perform(get("/message-templates").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Welcome")))
                .andExpect(content().string(containsString("{{first_name}}")));
    }

    @Test
    void theEditorOffersRealContactsForThePreviewAndTheVariablesHelp() throws Exception {
        mvc.perform(get("/message-templates/1").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hi {{first_name|there}}</textarea>")))
                .andExpect(content().string(containsString("Anna &lt;x&gt;")))
                .andExpect(content().string(containsString("{{field.city}}")));
    }

    @Test
    void aParseErrorComesBackWithItsPositionAndTheTextAsTyped() throws Exception {
        when(templates.create("Promo", "Hi {{first_name"))
                .thenThrow(new InvalidInputException("body", "line 1, column 4: {{ is not closed"));
        mvc.perform(post("/message-templates").with(owner()).with(csrf()).param("name", "Promo").param("body", "Hi {{first_name"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("line 1, column 4: {{ is not closed")))
                .andExpect(content().string(containsString("Hi {{first_name</textarea>")));
    }

    @Test
    void savesAndGoesToTheTemplate() throws Exception {
        when(templates.create("Promo", "Hello")).thenReturn(new TemplateView(2, "Promo", "Hello", Set.of(), NOW, NOW));
        mvc.perform(post("/message-templates").with(owner()).with(csrf()).param("name", "Promo").param("body", "Hello"))
                .andExpect(redirectedUrl("/message-templates/2?saved"));
        mvc.perform(get("/message-templates/1").with(owner()).param("saved", ""))
                .andExpect(content().string(containsString("data-toast=\"Saved the template.\"")));
    }

    @Test
    void thePreviewShowsTextsAndWhoWouldGetNothingAndWhy() throws Exception {
        when(templates.preview("Hi {{field.city}}", List.of(3L, 4L))).thenReturn(List.of(
                new TemplatePreviewView(3, "Anna", "Hi Rome", null),
                new TemplatePreviewView(4, "Bruno", null, "no value for field.city and no fallback")));
        mvc.perform(post("/message-templates/preview").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("body", "Hi {{field.city}}").param("contactIds", "3", "4", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("Hi Rome")))
                .andExpect(content().string(containsString("Skipped: no value for field.city and no fallback")));
    }

    @Test
    void thePreviewAsksForContactsAndReportsBrokenText() throws Exception {
        mvc.perform(post("/message-templates/preview").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("body", "Hi"))
                .andExpect(content().string(containsString("Pick one or more contacts")));
        when(templates.preview(anyString(), anyList())).thenThrow(new InvalidInputException("body", "line 1, column 1: { is not closed"));
        mvc.perform(post("/message-templates/preview").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("body", "{Hi").param("contactIds", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("line 1, column 1: { is not closed")));
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() throws Exception {
        mvc.perform(post("/message-templates").with(owner()).param("name", "x").param("body", "y"))
                .andExpect(status().isForbidden());
        verify(templates, never()).create(anyString(), anyString());
    }
}
