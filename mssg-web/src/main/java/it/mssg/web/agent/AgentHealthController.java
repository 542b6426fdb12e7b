package it.mssg.web.agent;

import it.mssg.agent.api.AgentHealth;
import it.mssg.agent.api.AgentRules;
import it.mssg.agent.api.HealthCountView;
import it.mssg.agent.api.ReplyOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Agent health: how decisions ended per day (outcome × reason × threshold met), as a uPlot chart and a table.
 * The counters are enums and numbers only; they never leave the machine.
 */
@Controller
class AgentHealthController {

    static final int MAX_DAYS = 366;

    private final AgentHealth health;
    private final AgentRules rules;
    private final Clock clock = Clock.systemUTC();

    AgentHealthController(AgentHealth health, AgentRules rules) {
        this.health = health;
        this.rules = rules;
    }

    @GetMapping("/agent/health")
    String health(@RequestParam(defaultValue = "14") int days,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        int span = Math.max(1, Math.min(days, MAX_DAYS));
        // the counters' days are the agent's days: in the zone of its settings
        LocalDate to = LocalDate.now(clock.withZone(ZoneId.of(rules.settings().zoneId())));
        LocalDate from = to.minusDays(span - 1L);
        List<HealthCountView> counts = health.daily(from, to).stream()
                .sorted(Comparator.comparing(HealthCountView::day).reversed()
                        .thenComparing(HealthCountView::outcome).thenComparing(HealthCountView::reason))
                .toList();
        model.addAttribute("days", span);
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.stream().mapToLong(HealthCountView::count).sum());
        model.addAttribute("chart", chartJson(from, to, counts));
        return htmx != null ? "agent-health :: health" : "agent-health";
    }

    /**
     * {@code {"days":[epoch seconds…],"series":[{"label":"SENT","values":[…]},…]}}: one series per outcome, and one
     * for decisions whose best answer met the threshold. Only enum names and numbers go in.
     */
    static String chartJson(LocalDate from, LocalDate to, List<HealthCountView> counts) {
        int n = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        long[][] byOutcome = new long[ReplyOutcome.values().length][n];
        long[] thresholdMet = new long[n];
        for (HealthCountView c : counts) {
            int i = (int) (c.day().toEpochDay() - from.toEpochDay());
            if (i < 0 || i >= n) continue;
            byOutcome[c.outcome().ordinal()][i] += c.count();
            if (c.thresholdMet()) thresholdMet[i] += c.count();
        }
        StringBuilder json = new StringBuilder("{\"days\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) json.append(',');
            json.append(from.plusDays(i).toEpochDay() * 86_400L);
        }
        json.append("],\"series\":[");
        for (ReplyOutcome outcome : ReplyOutcome.values()) {
            series(json, outcome.name(), byOutcome[outcome.ordinal()]).append(',');
        }
        series(json, "THRESHOLD_MET", thresholdMet);
        return json.append("]}").toString();
    }

    private static StringBuilder series(StringBuilder json, String label, long[] values) {
        json.append("{\"label\":\"").append(label.toLowerCase(Locale.ROOT).replace('_', ' ')).append("\",\"values\":[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) json.append(',');
            json.append(values[i]);
        }
        return json.append("]}");
    }
}
