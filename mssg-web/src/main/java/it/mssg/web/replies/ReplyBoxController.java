package it.mssg.web.replies;

import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.FollowUpReminders;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.QuickReplies;
import it.mssg.core.api.QuickReplyView;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import it.mssg.web.OutboxEntryActions;
import it.mssg.web.Toasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reply box under a conversation: send now or later through the outbox, the outbox entries of the chat's
 * contact with their ticks and the governor's reasons, quick replies on {@code /}, and "remind me if no reply".
 * Loaded into the chat page by htmx so the chat screen stays the chat screen.
 */
@Controller
class ReplyBoxController {

    static final int MAX_SUGGESTIONS = 8;

    private final ChatQueries chats;
    private final ContactQueries contacts;
    private final SendMessages sender;
    private final OutboxQueries outbox;
    private final QuickReplies quickReplies;
    private final FollowUpReminders reminders;
    private final OutboxCommands outboxCommands;
    private final Clock clock;

    ReplyBoxController(ChatQueries chats, ContactQueries contacts, SendMessages sender, OutboxQueries outbox,
                       QuickReplies quickReplies, FollowUpReminders reminders, OutboxCommands outboxCommands) {
        this.chats = chats;
        this.contacts = contacts;
        this.sender = sender;
        this.outbox = outbox;
        this.quickReplies = quickReplies;
        this.reminders = reminders;
        this.outboxCommands = outboxCommands;
        this.clock = Clock.systemDefaultZone();
    }

    @GetMapping("/chats/{id}/reply-box")
    String box(@PathVariable long id, Model model) {
        return fill(chats.get(id), "", model);
    }

    /** The outbox entries alone: refreshed live when an entry or an ack changes. */
    @GetMapping("/chats/{id}/outbox")
    String entries(@PathVariable long id, Model model) {
        ChatView chat = chats.get(id);
        model.addAttribute("chat", chat);
        model.addAttribute("entries", entriesOf(chat));
        model.addAttribute("zone", outbox.timeZone());
        return "fragments/quick-reply-box :: entries";
    }

    @PostMapping("/chats/{id}/reply")
    String send(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                @RequestParam(required = false) String clientKey, @RequestParam(required = false) String at,
                @RequestParam(defaultValue = "now") String when, HttpServletResponse response, Model model) {
        ChatView chat = chats.get(id);
        try {
            Long contactId = chat.contactId();
            Long chatId = contactId == null ? chat.id() : null;
            if ("later".equals(when)) {
                Instant moment = parseLocalTime(at);
                sender.send(SendCommand.scheduled(contactId, chatId, text, moment, clientKey));
                Toasts.success(response, "Scheduled. It leaves after " + at.replace('T', ' ') + ", when the send rules allow.");
            } else {
                OutboxEntryView entry = sender.send(SendCommand.reply(contactId, chatId, text, clientKey));
                boolean optedOut = optedOut(chat);
                model.addAttribute("optedOut", optedOut); // the box below shows it too: one look-up
                if (entry.state().name().equals("BLOCKED")) {
                    Toasts.success(response, "Not sent: " + entry.why());
                } else if (optedOut) {
                    // the send rules decide when it is its turn: say now that they will most likely hold it back
                    Toasts.success(response, "Queued, but this contact has opted out: the send rules block it unless they"
                            + " wrote to you after opting out. Its state shows above.");
                } else {
                    Toasts.success(response, "Queued.");
                }
            }
            return fill(chat, "", model);
        } catch (InvalidInputException e) {
            // what was typed stays, with the same key: sending again still makes one message
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("typed", text);
            return fill(chat, clientKey, model);
        }
    }

    @PostMapping("/chats/{id}/remind")
    String remind(@PathVariable long id, @RequestParam(defaultValue = "") String days,
                  @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String text,
                  @RequestParam(required = false) String clientKey, HttpServletResponse response, Model model) {
        ChatView chat = chats.get(id);
        // the reply being typed comes along (hx-include) and stays in the box this answer swaps in, with its key
        model.addAttribute("typed", text);
        try {
            InvalidInputException.require(chat.contactId() != null, "contactId",
                    "Reminders are for chats with one contact, not groups.");
            int n;
            try {
                n = Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("days", "Say in how many days: a whole number from 1 to 365.");
            }
            reminders.remind(chat.contactId(), n, note.isBlank() ? null : note.strip());
            Toasts.success(response, "You will be reminded on Home if there is no reply in " + n
                    + (n == 1 ? " day." : " days."));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("reminderError", e.getMessage());
        }
        return fill(chat, clientKey, model);
    }

    /** A message that has not left is not sent after all; a failed or blocked one is queued again. */
    @PostMapping("/chats/{chatId}/outbox/{id}/{change:cancel|retry}")
    String changeEntry(@PathVariable long chatId, @PathVariable long id, @PathVariable String change,
                       HttpServletResponse response, Model model) {
        ChatView chat = chats.get(chatId);
        try {
            Toasts.success(response, OutboxEntryActions.change(outboxCommands, entriesOf(chat), id, change));
        } catch (ConflictException e) {
            Toasts.error(response, e.getMessage());
        }
        model.addAttribute("chat", chat);
        model.addAttribute("entries", entriesOf(chat));
        model.addAttribute("zone", outbox.timeZone());
        return "fragments/quick-reply-box :: entries";
    }

    @PostMapping("/chats/{chatId}/reminders/{id}/clear")
    String clearReminder(@PathVariable long chatId, @PathVariable long id, @RequestParam(defaultValue = "") String text,
                         @RequestParam(required = false) String clientKey, HttpServletResponse response, Model model) {
        ChatView chat = chats.get(chatId);
        model.addAttribute("typed", text);
        // only a reminder of this chat's contact: an address naming another chat's reminder clears nothing
        boolean ours = chat.contactId() != null
                && reminders.openFor(chat.contactId()).stream().anyMatch(r -> r.id() == id);
        if (!ours) {
            throw new NotFoundException("reminder", id);
        }
        reminders.clear(id);
        Toasts.success(response, "Reminder cleared.");
        return fill(chat, clientKey, model);
    }

    /** Typing {@code /word} offers the quick replies starting with it, already filled in for this contact. */
    @GetMapping("/chats/{id}/quick-replies")
    String suggest(@PathVariable long id, @RequestParam(defaultValue = "") String text, Model model) {
        ChatView chat = chats.get(id);
        List<Suggestion> suggestions = new ArrayList<>();
        String typed = text.strip();
        if (typed.startsWith("/") && !typed.contains(" ") && !typed.contains("\n")) {
            for (QuickReplyView reply : quickReplies.list(typed.substring(1))) {
                if (suggestions.size() == MAX_SUGGESTIONS) {
                    break;
                }
                suggestions.add(suggestion(reply, chat));
            }
        }
        model.addAttribute("typed", typed);
        model.addAttribute("suggestions", suggestions);
        return "fragments/quick-reply-box :: suggestions";
    }

    private Suggestion suggestion(QuickReplyView reply, ChatView chat) {
        try { // a group chat has no contact: the reply is filled in from its fallbacks, never sent with {{…}} in it
            return new Suggestion(reply.shortcut(), quickReplies.render(reply.id(), chat.contactId()), null);
        } catch (InvalidInputException e) {
            return new Suggestion(reply.shortcut(), null, e.getMessage());
        }
    }

    /** @param text the filled-in text, or null when it cannot be filled in for this contact ({@code problem} says why) */
    record Suggestion(String shortcut, String text, String problem) {
    }

    private Instant parseLocalTime(String at) {
        InvalidInputException.require(at != null && !at.isBlank(), "at", "Pick the date and time to send it.");
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("at", "mssg cannot read the time “" + at + "”: use the date and time picker.");
        }
        // the zone of quiet hours and daily caps (mssg.outbox.time-zone, else this machine's), so 10:00 means the same to all
        Instant moment = local.atZone(outbox.timeZone()).toInstant();
        InvalidInputException.require(moment.isAfter(clock.instant()), "at",
                "That time has passed. Pick a time in the future, or send it now.");
        return moment;
    }

    private String fill(ChatView chat, String clientKey, Model model) {
        model.addAttribute("chat", chat);
        model.addAttribute("entries", entriesOf(chat));
        model.addAttribute("zone", outbox.timeZone());
        model.addAttribute("clientKey", clientKey == null || clientKey.isBlank() ? UUID.randomUUID().toString() : clientKey);
        model.addAttribute("openReminders", chat.contactId() == null ? List.of() : reminders.openFor(chat.contactId()));
        if (!model.containsAttribute("optedOut")) {
            model.addAttribute("optedOut", optedOut(chat));
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", "");
        }
        return "fragments/quick-reply-box :: box";
    }

    private boolean optedOut(ChatView chat) {
        return chat.contactId() != null && contacts.get(chat.contactId()).optedOut();
    }

    private List<OutboxEntryView> entriesOf(ChatView chat) {
        return chat.contactId() == null ? List.of() : outbox.recentForContact(chat.contactId());
    }
}
