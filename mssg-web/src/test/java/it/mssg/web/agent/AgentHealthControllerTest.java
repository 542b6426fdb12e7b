package it.mssg.web.agent;

import it.mssg.agent.api.AgentHealth;
import it.mssg.agent.api.AgentRules;
import it.mssg.agent.api.HealthCountView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AgentHealthController.class)
class AgentHealthControllerTest extends WebSliceTest {

    @MockitoBean AgentHealth health;
    @MockitoBean AgentRules rules;

    @Test
    void chartDataHasOneSeriesPerOutcomeAndOneForTheThreshold() {
        LocalDate from = LocalDate.of(2026, 11, 28);
        String json = AgentHealthController.chartJson(from, from.plusDays(1), List.of(
                new HealthCountView(from, ReplyOutcome.SENT, ReasonCode.MATCHED, true, 2),
                new HealthCountView(from.plusDays(1), ReplyOutcome.SILENCE, ReasonCode.BLOCKED_TOPIC, false, 1),
                new HealthCountView(from.plusDays(1), ReplyOutcome.SILENCE, ReasonCode.BELOW_THRESHOLD, false, 4)));
        long day = from.toEpochDay() * 86_400L;
        assertThat(json).isEqualTo("{\"days\":[" + day + "," + (day + 86_400) + "],\"series\":["
                + "{\"label\":\"sent\",\"values\":[2,0]},{\"label\":\"suggested\",\"values\":[0,0]},"
                + "{\"label\":\"suppressed\",\"values\":[0,0]},{\"label\":\"skipped\",\"values\":[0,0]},"
                + "{\"label\":\"silence\",\"values\":[0,5]},{\"label\":\"threshold met\",\"values\":[2,0]}]}");
    }

    @Test
    void pageHasTheChartAndTheTableAndRefreshesAsAFragment() throws Exception {
        when(rules.settings()).thenReturn(AgentControllerTest.SETTINGS);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Rome"));
        LocalDate from = today.minusDays(13);
        when(health.daily(from, today)).thenReturn(List.of(
                new HealthCountView(today, ReplyOutcome.SENT, ReasonCode.MATCHED, true, 3),
                new HealthCountView(today, ReplyOutcome.SILENCE, ReasonCode.BLOCKED_TOPIC, false, 1)));
        when(health.daily(today.minusDays(6), today)).thenReturn(List.of(
                new HealthCountView(today, ReplyOutcome.SENT, ReasonCode.MATCHED, true, 3),
                new HealthCountView(today, ReplyOutcome.SILENCE, ReasonCode.BLOCKED_TOPIC, false, 1)));
        mvc.perform(get("/agent/health").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/dist/uPlot.iife.min.js")))
                .andExpect(content().string(containsString("data-agent-chart")))
                .andExpect(content().string(containsString("&quot;label&quot;:&quot;sent&quot;")))
                .andExpect(content().string(containsString("Decisions in the last 14 days: 4")))
                .andExpect(content().string(containsString("<td>BLOCKED_TOPIC</td>")));
        mvc.perform(get("/agent/health").param("days", "7").with(owner()).header("HX-Request", "true"))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("Decisions in the last 7 days: 4")));
    }
}
