package it.mssg.web.campaigns;

import it.mssg.core.api.FollowUpReminders;
import it.mssg.core.api.OutboxQueries;
import it.mssg.web.Toasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Home's sending card: what is left today under each cap, the send loop's state, and the due follow-up reminders. */
@Controller
class SendingHomeController {

    private final OutboxQueries outbox;
    private final FollowUpReminders reminders;

    SendingHomeController(OutboxQueries outbox, FollowUpReminders reminders) {
        this.outbox = outbox;
        this.reminders = reminders;
    }

    @GetMapping("/home/sending")
    String card(Model model) {
        model.addAttribute("budget", outbox.budget());
        model.addAttribute("status", outbox.status());
        model.addAttribute("due", reminders.due());
        return "fragments/campaign-budget :: card";
    }

    @PostMapping("/home/reminders/{id}/clear")
    String clear(@PathVariable long id, HttpServletResponse response, Model model) {
        reminders.clear(id);
        Toasts.success(response, "Reminder cleared.");
        return card(model);
    }
}
