package it.mssg.web.outbox;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * Every message in the outbox, newest first, by state: what waits and why, what left, what failed. The one place
 * to find a scheduled or held message without opening chat after chat; cancel and send again work here too.
 */
@Controller
class OutboxController {

    static final int PAGE_SIZE = 50;

    /** The filters offered, in the order a person looks for them: what waits first. */
    static final List<OutboxState> FILTERS = List.of(OutboxState.QUEUED, OutboxState.BLOCKED, OutboxState.UNCERTAIN,
            OutboxState.SENT, OutboxState.DELIVERED, OutboxState.READ, OutboxState.FAILED, OutboxState.CANCELLED);

    private final OutboxQueries outbox;
    private final OutboxCommands commands;

    OutboxController(OutboxQueries outbox, OutboxCommands commands) {
        this.outbox = outbox;
        this.commands = commands;
    }

    @GetMapping("/outbox")
    String list(@RequestParam(required = false) OutboxState state, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        PageView<OutboxEntryView> entries = outbox.list(state, null, Paging.of(page == null ? 0 : page, PAGE_SIZE));
        model.addAttribute("entries", entries);
        model.addAttribute("state", state);
        model.addAttribute("filters", FILTERS);
        model.addAttribute("status", outbox.status());
        model.addAttribute("zone", outbox.timeZone());
        model.addAttribute("self", address(state, entries.page()));
        return htmx != null ? "outbox :: entries" : "outbox";
    }

    @PostMapping("/outbox/{id}/{change:cancel|retry}")
    String change(@PathVariable long id, @PathVariable String change, @RequestParam(required = false) OutboxState state,
                  @RequestParam(required = false) Integer page, RedirectAttributes redirect) {
        try {
            if (change.equals("cancel")) {
                commands.cancel(id);
                redirect.addFlashAttribute("toast", "Cancelled: it will not be sent.");
            } else {
                commands.retry(id);
                redirect.addFlashAttribute("toast", "Queued again: it leaves when the send rules allow.");
            }
            redirect.addFlashAttribute("toastLevel", "success");
        } catch (ConflictException e) {
            // it moved on meanwhile (left, or was cancelled in another tab): the page shows where it is now
            redirect.addFlashAttribute("toast", e.getMessage());
            redirect.addFlashAttribute("toastLevel", "error");
        }
        return "redirect:" + address(state, page == null ? 0 : page);
    }

    static String address(OutboxState state, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/outbox");
        if (state != null) b.queryParam("state", state.name());
        if (page > 0) b.queryParam("page", page);
        return b.build().toUriString();
    }
}
