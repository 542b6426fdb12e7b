package it.mssg.web.campaigns;

import it.mssg.core.api.GovernorSettingsApi;
import it.mssg.core.api.GovernorSettingsView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.OutboxQueries;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Settings › Send rules: the governor's spacing, caps, quiet hours, warm-up and opt-out keywords. */
@Controller
class GovernorSettingsController {

    private final GovernorSettingsApi governor;
    private final OutboxQueries outbox;

    GovernorSettingsController(GovernorSettingsApi governor, OutboxQueries outbox) {
        this.outbox = outbox;
        this.governor = governor;
    }

    @GetMapping("/settings/sending")
    String show(@RequestParam(required = false) String done, Model model) {
        if ("saved".equals(done)) {
            model.addAttribute("toast", "Saved the send rules.");
        } else if ("reset".equals(done)) {
            model.addAttribute("toast", "The send rules are back to the defaults.");
        } else if ("keywords".equals(done)) {
            model.addAttribute("toast", "Saved the opt-out keywords.");
        }
        return page(governor.get(), String.join("\n", governor.optOutKeywords()), model);
    }

    @PostMapping("/settings/sending")
    String save(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        try {
            governor.update(read(form));
            return "redirect:/settings/sending?done=saved";
        } catch (InvalidInputException e) {
            // the form comes back as typed, with the reason
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            return page(governor.get(), String.join("\n", governor.optOutKeywords()), model);
        }
    }

    @PostMapping("/settings/sending/reset")
    String reset() {
        governor.reset();
        return "redirect:/settings/sending?done=reset";
    }

    @PostMapping("/settings/sending/opt-out")
    String optOut(@RequestParam(defaultValue = "") String keywords, HttpServletResponse response, Model model) {
        List<String> words = Arrays.stream(keywords.split("[\\n,]")).map(String::strip).filter(w -> !w.isEmpty()).toList();
        try {
            governor.updateOptOutKeywords(words);
            return "redirect:/settings/sending?done=keywords";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("keywordError", e.getMessage());
            return page(governor.get(), keywords, model);
        }
    }

    private String page(GovernorSettingsView s, String keywords, Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> typed = model.containsAttribute("form") ? (Map<String, String>) model.getAttribute("form") : Map.of();
        model.addAttribute("spacing", List.of(
                field(typed, "replySpacingMinSeconds", "Shortest pause before a reply", "seconds", s.replySpacingMinSeconds()),
                field(typed, "replySpacingMaxSeconds", "Longest pause before a reply", "seconds", s.replySpacingMaxSeconds()),
                field(typed, "spacingMinSeconds", "Shortest pause between messages", "seconds", s.spacingMinSeconds()),
                field(typed, "spacingMaxSeconds", "Longest pause between messages", "seconds", s.spacingMaxSeconds()),
                field(typed, "firstContactSpacingMinSeconds", "Shortest pause before a first contact", "seconds", s.firstContactSpacingMinSeconds()),
                field(typed, "firstContactSpacingMaxSeconds", "Longest pause before a first contact", "seconds", s.firstContactSpacingMaxSeconds())));
        model.addAttribute("caps", List.of(
                field(typed, "perMinute", "Messages per minute", "", s.perMinute()),
                field(typed, "perHour", "Messages per hour", "", s.perHour()),
                field(typed, "perDay", "Messages per day", "", s.perDay()),
                field(typed, "coldPerDay", "First contacts per day", "people who never wrote to you", s.coldPerDay()),
                field(typed, "replyReservePercent", "Share kept for replies", "% of the caps", s.replyReservePercent())));
        model.addAttribute("care", List.of(
                field(typed, "recipientGapMinutes", "Minimum gap per person", "minutes", s.recipientGapMinutes()),
                field(typed, "duplicateWindowHours", "Same automated text to the same person refused within",
                        "hours (what you type yourself may repeat; a double click sends once)", s.duplicateWindowHours()),
                field(typed, "conversationWindowHours", "A reply counts as a reply within", "hours of their message", s.conversationWindowHours()),
                field(typed, "failuresBeforePause", "Failures in a row before sending pauses", "", s.failuresBeforePause())));
        model.addAttribute("quietStart", typed.getOrDefault("quietStart", s.quietStart() == null ? "" : s.quietStart().toString()));
        model.addAttribute("quietEnd", typed.getOrDefault("quietEnd", s.quietEnd() == null ? "" : s.quietEnd().toString()));
        model.addAttribute("warmUp", typed.isEmpty() ? s.warmUp() : typed.containsKey("warmUp"));
        model.addAttribute("keywords", keywords);
        model.addAttribute("zone", outbox.timeZone());
        return "campaign-governor";
    }

    /** One number of the form: what was typed if the form came back, else the saved value. */
    record Field(String name, String label, String unit, String value) {
    }

    private static Field field(Map<String, String> typed, String name, String label, String unit, long saved) {
        return new Field(name, label, unit, typed.getOrDefault(name, String.valueOf(saved)));
    }

    static GovernorSettingsView read(Map<String, String> form) {
        return new GovernorSettingsView(
                number(form, "replySpacingMinSeconds", "Shortest pause before a reply"),
                number(form, "replySpacingMaxSeconds", "Longest pause before a reply"),
                number(form, "spacingMinSeconds", "Shortest pause between messages"),
                number(form, "spacingMaxSeconds", "Longest pause between messages"),
                number(form, "firstContactSpacingMinSeconds", "Shortest pause before a first contact"),
                number(form, "firstContactSpacingMaxSeconds", "Longest pause before a first contact"),
                (int) number(form, "perMinute", "Messages per minute"),
                (int) number(form, "perHour", "Messages per hour"),
                (int) number(form, "perDay", "Messages per day"),
                form.containsKey("warmUp"),
                time(form, "quietStart", "Quiet hours start"),
                time(form, "quietEnd", "Quiet hours end"),
                number(form, "recipientGapMinutes", "Minimum gap per person"),
                number(form, "duplicateWindowHours", "Same text refused within"),
                (int) number(form, "coldPerDay", "First contacts per day"),
                (int) number(form, "failuresBeforePause", "Failures in a row before pausing"),
                number(form, "conversationWindowHours", "Conversation window"),
                (int) number(form, "replyReservePercent", "Share kept for replies"));
    }

    private static long number(Map<String, String> form, String field, String label) {
        String value = form.getOrDefault(field, "").strip();
        try {
            long n = Long.parseLong(value);
            InvalidInputException.require(n >= 0 && n <= Integer.MAX_VALUE, field, label + ": use 0 or more.");
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, label + ": “" + value + "” is not a whole number.");
        }
    }

    private static LocalTime time(Map<String, String> form, String field, String label) {
        String value = form.getOrDefault(field, "").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, label + ": “" + value + "” is not a time like 21:30.");
        }
    }
}
