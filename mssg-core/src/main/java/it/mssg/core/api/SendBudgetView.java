package it.mssg.core.api;

import java.time.Instant;
import java.util.List;

/**
 * What may still be sent under each cap, for the chart on Home.
 *
 * @param warmUpDay days since the number was linked (0 = the link day)
 * @param warmingUp whether warm-up caps are in force
 * @param leftNow   how many could go right now before a cap holds them
 */
public record SendBudgetView(List<Cap> caps, long warmUpDay, boolean warmingUp, int leftNow) {

    public SendBudgetView {
        caps = List.copyOf(caps);
    }

    /**
     * @param kind     MINUTE, HOUR, DAY or COLD_DAY (new conversations per day)
     * @param resetsAt when the count next goes down, or null when nothing is counted
     */
    public record Cap(String kind, int limit, int used, int left, Instant resetsAt) {
    }
}
