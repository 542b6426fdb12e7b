package it.mssg.web.agent;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSettingsView;
import it.mssg.core.api.InvalidInputException;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The agent's settings as the form holds them (text as typed), so a rejected form loses nothing. */
record SettingsForm(String threshold, String ambiguityMargin, String defaultMode, String takeoverPauseMinutes,
                    String windowOpens, String windowCloses, String zoneId, String dailyReplyLimit,
                    String burstGapSeconds, String staleAfterMinutes, String blockedTopics) {

    static SettingsForm of(AgentSettingsView s) {
        return new SettingsForm(String.format(Locale.ROOT, "%.2f", s.threshold()), String.format(Locale.ROOT, "%.2f", s.ambiguityMargin()),
                s.defaultMode().name(), String.valueOf(s.takeoverPauseMinutes()), s.windowOpens().toString(),
                s.windowCloses().toString(), s.zoneId(), String.valueOf(s.dailyReplyLimit()),
                String.valueOf(s.burstGapSeconds()), String.valueOf(s.staleAfterMinutes()), String.join("\n", s.blockedTopics()));
    }

    /** @throws InvalidInputException naming the field that could not be read or is out of range */
    AgentSettingsView toView() {
        return new AgentSettingsView(decimal(threshold, "threshold"), decimal(ambiguityMargin, "ambiguityMargin"),
                mode(defaultMode), integer(takeoverPauseMinutes, "takeoverPauseMinutes"), time(windowOpens, "windowOpens"),
                time(windowCloses, "windowCloses"), zoneId == null ? "" : zoneId.strip(), integer(dailyReplyLimit, "dailyReplyLimit"),
                integer(burstGapSeconds, "burstGapSeconds"), integer(staleAfterMinutes, "staleAfterMinutes"),
                EntryForm.lines(blockedTopics));
    }

    static AgentMode mode(String value) {
        try {
            return AgentMode.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("defaultMode", "choose OFF, SUGGEST or AUTO");
        }
    }

    private static double decimal(String value, String field) {
        try {
            return Double.parseDouble(value == null ? "" : value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "write a number such as 0.80");
        }
    }

    private static int integer(String value, String field) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "write a whole number");
        }
    }

    private static LocalTime time(String value, String field) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "write a time such as 08:00");
        }
    }
}
