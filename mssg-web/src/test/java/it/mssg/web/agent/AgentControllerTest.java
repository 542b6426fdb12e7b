package it.mssg.web.agent;

import it.mssg.agent.api.AgentHealth;
import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentRules;
import it.mssg.agent.api.AgentSettingsView;
import it.mssg.agent.api.AgentStatusView;
import it.mssg.agent.api.KnowledgeBase;
import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.api.MessageTest;
import it.mssg.agent.api.MessageTestView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.TagChoice;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagView;
import it.mssg.licensing.api.Entitlements;
import it.mssg.licensing.api.Feature;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AgentController.class)
class AgentControllerTest extends WebSliceTest {

    @MockitoBean KnowledgeBase knowledge;
    @MockitoBean AgentRules rules;
    @MockitoBean AgentHealth health;
    @MockitoBean TagQueries tags;
    @MockitoBean ContactQueries contacts;
    @MockitoBean Entitlements entitlements;

    static final AgentSettingsView SETTINGS = new AgentSettingsView(0.8, 0.02, AgentMode.SUGGEST, 30, LocalTime.of(8, 0),
            LocalTime.of(20, 0), "Europe/Rome", 3, 120, 15, List.of("refund", "lawyer"));
    static final KnowledgeEntryView HOURS = new KnowledgeEntryView(5, "Opening <hours>", "We open at 9, {{first_name|there}}.",
            "en", true, List.of("what time do you open?", "when are you open"), List.of("orari"), Instant.EPOCH);

    @BeforeEach
    void agent() {
        when(knowledge.list()).thenReturn(List.of(HOURS));
        when(knowledge.get(5)).thenReturn(HOURS);
        when(rules.settings()).thenReturn(SETTINGS);
        when(rules.tagModes()).thenReturn(Map.of(1L, AgentMode.AUTO));
        when(rules.contactModes()).thenReturn(Map.of());
        when(tags.choices()).thenReturn(List.of(new TagChoice(1, "vip", "#aa0000")));
        when(tags.get(1)).thenReturn(new TagView(1, "vip", "#aa0000", 3));
        when(health.status()).thenReturn(new AgentStatusView("BUILTIN", true, 1, 2, true, false));
    }

    @Test
    void showsKnowledgeBaseSettingsAndModesEscaped() throws Exception {
        when(entitlements.allows(Feature.AGENT_AUTO_MODE)).thenReturn(true);
        mvc.perform(get("/agent").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Opening &lt;hours&gt;")))
                .andExpect(content().string(containsString("href=\"/agent/entries/5\"")))
                .andExpect(content().string(containsString("1 answers, 2 example questions indexed")))
                .andExpect(content().string(containsString("value=\"0.80\"")))
                .andExpect(content().string(containsString("Europe/Rome")))
                .andExpect(content().string(containsString("refund\nlawyer")))
                .andExpect(content().string(containsString("action=\"/agent/tags/1/mode\"")))
                .andExpect(content().string(containsString("<option value=\"AUTO\" selected=\"selected\">AUTO</option>")))
                .andExpect(content().string(not(containsString("Automatic mode needs a licence"))));
    }

    @Test
    void withoutALicenceThePageSaysAutoOnlySuggests() throws Exception {
        when(entitlements.allows(Feature.AGENT_AUTO_MODE)).thenReturn(false);
        mvc.perform(get("/agent").with(owner()))
                .andExpect(content().string(containsString("Automatic mode needs a licence")));
    }

    @Test
    void createsAnEntryFromLinesOfQuestionsAndKeywords() throws Exception {
        KnowledgeEntryEdit edit = new KnowledgeEntryEdit("Prices", "A haircut is 25 euros.", "en", true,
                List.of("how much is a haircut", "prices?"), List.of("prezzi"));
        when(knowledge.create(edit)).thenReturn(new KnowledgeEntryView(6, "Prices", "A haircut is 25 euros.", "en", true,
                edit.questions(), edit.keywords(), Instant.EPOCH));
        mvc.perform(post("/agent/entries").with(owner()).with(csrf())
                        .param("title", "Prices").param("answerTemplate", "A haircut is 25 euros.").param("language", "en")
                        .param("enabled", "true").param("questions", "how much is a haircut\r\n\r\nprices?\n")
                        .param("keywords", "prezzi"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/agent?done=added"));
        verify(knowledge).create(edit);
        mvc.perform(get("/agent").param("done", "added").with(owner()))
                .andExpect(content().string(containsString("data-toast=\"Answer added.\"")));
        mvc.perform(get("/agent").param("done", "<script>").with(owner()))
                .andExpect(content().string(not(containsString("data-toast="))));
    }

    @Test
    void aRejectedEntryComesBackWithWhatWasTypedAndWhy() throws Exception {
        mvc.perform(post("/agent/entries").with(owner()).with(csrf())
                        .param("title", "No questions").param("answerTemplate", "Kept <answer>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("give at least one example question or keyword")))
                .andExpect(content().string(containsString("Kept &lt;answer&gt;")));
        verify(knowledge, never()).create(any());
    }

    @Test
    void anAnswerWithATemplateMistakeComesBackWithWhatAndWhereAndWhatWasTyped() throws Exception {
        when(knowledge.create(any())).thenThrow(new InvalidInputException("answerTemplate",
                "the answer cannot be sent as written: line 1, column 4: unknown variable {{nickname}}: use first_name, "
                        + "name, phone or field.<key>"));
        mvc.perform(post("/agent/entries").with(owner()).with(csrf())
                        .param("title", "Greeting").param("answerTemplate", "Hi {{nickname}} {unclosed")
                        .param("enabled", "true").param("questions", "hello"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("line 1, column 4: unknown variable {{nickname}}: use first_name, "
                        + "name, phone or field.&lt;key&gt;")))
                .andExpect(content().string(containsString(">Hi {{nickname}} {unclosed</textarea>")))
                .andExpect(content().string(containsString(">hello</textarea>")))
                .andExpect(content().string(containsString("value=\"Greeting\"")));
    }

    @Test
    void anEditWithAQuestionOfAnotherAnswerIsAConflictNamingItAndKeepsTheForm() throws Exception {
        when(knowledge.update(org.mockito.ArgumentMatchers.eq(5L), any())).thenThrow(new ConflictException("questions",
                "the example question \u201chello\u201d is already a question of the answer \u201cGreetings <old>\u201d"));
        mvc.perform(post("/agent/entries/5").with(owner()).with(csrf()).param("title", "Hours")
                        .param("answerTemplate", "We open at 10.").param("enabled", "true")
                        .param("questions", "opening time\nhello"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("the answer \u201cGreetings &lt;old&gt;\u201d")))
                .andExpect(content().string(containsString(">opening time\nhello</textarea>")))
                .andExpect(content().string(containsString("action=\"/agent/entries/5\"")));
    }

    @Test
    void theTestBoxSaysWhenTheMatchingAnswerCannotBeSent() throws Exception {
        when(knowledge.test(new MessageTest("hello", AgentMode.AUTO))).thenReturn(new MessageTestView(
                List.of(new MessageTestView.EntryScoreView(9, "Greeting", 1.0, false)), ReplyOutcome.SILENCE,
                ReasonCode.ANSWER_UNUSABLE, true, 0.8, 0.02, null, null, "Would stay silent and put the chat on the "
                + "\"needs a human\" list: the answer \u201cGreeting\u201d cannot be sent as written: line 1, column 4: "
                + "unknown variable {{nickname}}."));
        mvc.perform(post("/agent/test").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "hello").param("mode", "AUTO"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ANSWER_UNUSABLE")))
                .andExpect(content().string(containsString("unknown variable {{nickname}}")))
                .andExpect(content().string(not(containsString("<blockquote"))));
    }

    @Test
    void withoutCsrfNothingIsCreated() throws Exception {
        mvc.perform(post("/agent/entries").with(owner()).param("title", "x").param("answerTemplate", "y").param("keywords", "z"))
                .andExpect(status().isForbidden());
        verify(knowledge, never()).create(any());
    }

    @Test
    void editsAndDeletesAnEntry() throws Exception {
        mvc.perform(get("/agent/entries/5").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("what time do you open?\nwhen are you open")))
                .andExpect(content().string(containsString("action=\"/agent/entries/5\"")));
        KnowledgeEntryEdit edit = new KnowledgeEntryEdit("Hours", "We open at 10.", "en", false, List.of("opening time"), List.of());
        when(knowledge.update(5, edit)).thenReturn(HOURS);
        mvc.perform(post("/agent/entries/5").with(owner()).with(csrf()).param("title", "Hours")
                        .param("answerTemplate", "We open at 10.").param("questions", "opening time"))
                .andExpect(redirectedUrl("/agent?done=saved"));
        verify(knowledge).update(5, edit);

        mvc.perform(post("/agent/entries/5/delete").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Redirect", "/agent?done=deleted"));
        verify(knowledge).delete(5);
    }

    @Test
    void testBoxAnswersWithAFragmentOfScoresDecisionAndWhy() throws Exception {
        when(knowledge.test(new MessageTest("what time do you open?", AgentMode.AUTO))).thenReturn(new MessageTestView(
                List.of(new MessageTestView.EntryScoreView(5, "Opening <hours>", 0.9312, false)), ReplyOutcome.SENT,
                ReasonCode.MATCHED, true, 0.8, 0.02, 5L, "We open at 9, there.", "The best answer is clearly above the threshold."));
        mvc.perform(post("/agent/test").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("text", "what time do you open?").param("mode", "AUTO"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("0.931")))
                .andExpect(content().string(containsString("MATCHED")))
                .andExpect(content().string(containsString("Threshold 0.80 met")))
                .andExpect(content().string(containsString("We open at 9, there.")))
                .andExpect(content().string(containsString("Opening &lt;hours&gt;")))
                .andExpect(content().string(containsString("would be offered as a suggestion")));

        mvc.perform(post("/agent/test").with(owner()).with(csrf().asHeader()).header("HX-Request", "true").param("text", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("type a message")));
    }

    @Test
    void settingsAreSavedOrComeBackWithTheError() throws Exception {
        mvc.perform(post("/agent/settings").with(owner()).with(csrf())
                        .param("threshold", "0,85").param("ambiguityMargin", "0.03").param("defaultMode", "auto")
                        .param("takeoverPauseMinutes", "60").param("windowOpens", "09:00").param("windowCloses", "18:30")
                        .param("zoneId", "Europe/Rome").param("dailyReplyLimit", "5").param("burstGapSeconds", "60")
                        .param("staleAfterMinutes", "20").param("blockedTopics", "refund\nchargeback"))
                .andExpect(redirectedUrl("/agent?done=settings"));
        verify(rules).updateSettings(new AgentSettingsView(0.85, 0.03, AgentMode.AUTO, 60, LocalTime.of(9, 0),
                LocalTime.of(18, 30), "Europe/Rome", 5, 60, 20, List.of("refund", "chargeback")));

        mvc.perform(post("/agent/settings").with(owner()).with(csrf())
                        .param("threshold", "lots").param("ambiguityMargin", "0.03").param("defaultMode", "AUTO")
                        .param("zoneId", "Mars/Olympus"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("write a number such as 0.80")))
                .andExpect(content().string(containsString("value=\"lots\"")))
                .andExpect(content().string(containsString("Mars/Olympus")));
    }

    @Test
    void modePerTagAndPerContact() throws Exception {
        mvc.perform(post("/agent/tags/1/mode").with(owner()).with(csrf()).param("mode", "OFF"))
                .andExpect(redirectedUrl("/agent?done=mode"));
        verify(rules).setTagMode(1, AgentMode.OFF);
        mvc.perform(post("/agent/tags/1/mode").with(owner()).with(csrf()).param("mode", ""))
                .andExpect(redirectedUrl("/agent?done=mode"));
        verify(rules).setTagMode(1, null);

        mvc.perform(post("/agent/contacts/9/mode").with(owner()).with(csrf().asHeader()).header("HX-Request", "true")
                        .param("mode", "AUTO"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Trigger", containsString("Mode for the contact saved")));
        verify(contacts).get(9);
        verify(rules).setContactMode(9, AgentMode.AUTO);

        mvc.perform(post("/agent/contacts/9/mode").with(owner()).with(csrf()).param("mode", "LOUD"))
                .andExpect(status().isBadRequest());
        verify(rules, never()).setContactMode(anyLong(), org.mockito.ArgumentMatchers.isNull());
    }
}
