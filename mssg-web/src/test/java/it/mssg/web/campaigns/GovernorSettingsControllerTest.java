package it.mssg.web.campaigns;

import it.mssg.core.api.GovernorSettingsApi;
import it.mssg.core.api.GovernorSettingsView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(GovernorSettingsController.class)
class GovernorSettingsControllerTest extends WebSliceTest {

    static final GovernorSettingsView SAVED = new GovernorSettingsView(20, 90, 45, 180, 90, 300, 4, 40, 200, true,
            LocalTime.of(21, 0), LocalTime.of(8, 0), 60, 24, 20, 3, 24, 20);

    @MockitoBean GovernorSettingsApi governor;
    @MockitoBean it.mssg.core.api.OutboxQueries outbox;

    @BeforeEach
    void data() {
        when(governor.get()).thenReturn(SAVED);
        when(governor.optOutKeywords()).thenReturn(List.of("STOP", "ARRÊT"));
        when(outbox.timeZone()).thenReturn(java.time.ZoneId.of("Europe/Rome"));
    }

    @Test
    void showsTheSavedRulesAndKeywords() throws Exception {
        mvc.perform(get("/settings/sending").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"perDay\"")))
                .andExpect(content().string(containsString("value=\"200\"")))
                .andExpect(content().string(containsString("value=\"21:00\"")))
                .andExpect(content().string(containsString("In <span>Europe/Rome</span>")))
                .andExpect(content().string(containsString("ARRÊT")));
    }

    @Test
    void savesEveryField() throws Exception {
        mvc.perform(post("/settings/sending").with(owner()).with(csrf()).params(form("7", "")))
                .andExpect(redirectedUrl("/settings/sending?done=saved"));
        ArgumentCaptor<GovernorSettingsView> saved = ArgumentCaptor.forClass(GovernorSettingsView.class);
        verify(governor).update(saved.capture());
        assertThat(saved.getValue()).isEqualTo(new GovernorSettingsView(20, 90, 45, 180, 90, 300, 7, 40, 200, false,
                null, null, 60, 24, 20, 3, 24, 20));
    }

    @Test
    void aBadNumberComesBackAsTypedWithTheFieldNamed() throws Exception {
        mvc.perform(post("/settings/sending").with(owner()).with(csrf()).params(form("lots", "")))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Messages per minute: “lots” is not a whole number.")))
                .andExpect(content().string(containsString("value=\"lots\"")));
        verify(governor, never()).update(any());
    }

    @Test
    void theGovernorsOwnRefusalIsShown() throws Exception {
        when(governor.update(any())).thenThrow(new InvalidInputException(null, "the per-hour cap is below the per-minute cap"));
        mvc.perform(post("/settings/sending").with(owner()).with(csrf()).params(form("7", "")))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("the per-hour cap is below the per-minute cap")));
    }

    @Test
    void savesOptOutKeywordsOnePerLine() throws Exception {
        when(governor.updateOptOutKeywords(List.of("STOP", "BASTA"))).thenReturn(List.of("STOP", "BASTA"));
        mvc.perform(post("/settings/sending/opt-out").with(owner()).with(csrf()).param("keywords", "STOP\n\n BASTA \n"))
                .andExpect(redirectedUrl("/settings/sending?done=keywords"));
        verify(governor).updateOptOutKeywords(List.of("STOP", "BASTA"));
    }

    private static org.springframework.util.LinkedMultiValueMap<String, String> form(String perMinute, String quiet) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("replySpacingMinSeconds", "20");
        form.add("replySpacingMaxSeconds", "90");
        form.add("spacingMinSeconds", "45");
        form.add("spacingMaxSeconds", "180");
        form.add("firstContactSpacingMinSeconds", "90");
        form.add("firstContactSpacingMaxSeconds", "300");
        form.add("perMinute", perMinute);
        form.add("perHour", "40");
        form.add("perDay", "200");
        form.add("quietStart", quiet);
        form.add("quietEnd", quiet);
        form.add("recipientGapMinutes", "60");
        form.add("duplicateWindowHours", "24");
        form.add("coldPerDay", "20");
        form.add("failuresBeforePause", "3");
        form.add("conversationWindowHours", "24");
        form.add("replyReservePercent", "20");
        return form;
    }
}
