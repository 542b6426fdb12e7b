package it.mssg.web.contacts;

import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import it.mssg.core.api.SettingsApi;
import it.mssg.core.api.SettingsView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagRefView;
import it.mssg.web.OutboxEntryActions;
import it.mssg.web.Toasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** One contact, deep-linkable: details, notes, custom fields, tags and its conversation. */
@Controller
class ContactController {

    static final int MESSAGES_PAGE = 30;

    private final ContactQueries contacts;
    private final ContactCommands commands;
    private final TagQueries tags;
    private final ChatQueries chats;
    private final SettingsApi settings;
    private final SendMessages sender;
    private final OutboxQueries outbox;
    private final OutboxCommands outboxCommands;

    ContactController(ContactQueries contacts, ContactCommands commands, TagQueries tags, ChatQueries chats,
                      SettingsApi settings, SendMessages sender, OutboxQueries outbox, OutboxCommands outboxCommands) {
        this.contacts = contacts;
        this.commands = commands;
        this.tags = tags;
        this.chats = chats;
        this.settings = settings;
        this.sender = sender;
        this.outbox = outbox;
        this.outboxCommands = outboxCommands;
    }

    @GetMapping("/contacts/new")
    String newContact(Model model) {
        return newForm(model, "", "", "", Set.of(), null, null);
    }

    /** A contact typed in by hand; a number stored already is named, with a link to that contact. */
    @PostMapping("/contacts/new")
    String create(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String notes, @RequestParam(name = "tagId", required = false) List<Long> tagIds,
                  Model model, RedirectAttributes redirect) {
        Set<Long> chosen = tagIds == null ? Set.of() : new LinkedHashSet<>(tagIds);
        try {
            ContactView created = commands.create(new NewContact(phone, displayName, notes, Map.of(), chosen));
            redirect.addFlashAttribute("toast", "Added " + created.label() + ".");
            redirect.addFlashAttribute("toastLevel", "success");
            return "redirect:/contacts/" + created.id();
        } catch (ConflictException e) {
            Long existing = existingWithNumber(phone);
            return newForm(model, phone, displayName, notes, chosen, e.getMessage(), existing);
        } catch (InvalidInputException | NotFoundException e) {
            return newForm(model, phone, displayName, notes, chosen, e.getMessage(), null);
        }
    }

    private Long existingWithNumber(String typed) {
        return contacts.findByNumber(typed).map(ContactView::id).orElse(null);
    }

    private String newForm(Model model, String phone, String displayName, String notes, Set<Long> tagIds, String error,
                           Long existingId) {
        model.addAttribute("phone", phone);
        model.addAttribute("displayName", displayName);
        model.addAttribute("notes", notes);
        model.addAttribute("tagIds", tagIds);
        model.addAttribute("allTags", tags.choices());
        SettingsView current = settings.get();
        model.addAttribute("region", current.defaultRegionInfo() == null ? current.defaultRegion()
                : current.defaultRegionInfo().name());
        model.addAttribute("error", error);
        model.addAttribute("existingId", existingId);
        return "contact-new";
    }

    /** A first message that has not left is not sent after all; a failed or blocked one is queued again. */
    @PostMapping("/contacts/{id}/outbox/{entryId}/{change:cancel|retry}")
    String changeEntry(@PathVariable long id, @PathVariable long entryId, @PathVariable String change,
                       RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("toast", OutboxEntryActions.change(outboxCommands, outbox.recentForContact(id), entryId, change));
            redirect.addFlashAttribute("toastLevel", "success");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
            redirect.addFlashAttribute("toastLevel", "error");
        }
        return "redirect:/contacts/" + id;
    }

    /** Deletes the contact (its chats stay); one who opted out is kept, and the page says why. */
    @PostMapping("/contacts/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        ContactView contact = contacts.get(id);
        try {
            commands.delete(id);
            redirect.addFlashAttribute("toast", "Deleted " + contact.label() + "."
                    + (contact.chatId() != null ? " The chat and its messages stay under Chats." : ""));
            redirect.addFlashAttribute("toastLevel", "success");
            return "redirect:/contacts";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
            redirect.addFlashAttribute("toastLevel", "error");
            return "redirect:/contacts/" + id;
        }
    }

    @GetMapping("/contacts/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        ContactView contact = contacts.get(id);
        fill(model, contact);
        if (contact.chatId() != null) {
            model.addAttribute("messages", chats.messages(contact.chatId(), Paging.of(page == null ? 0 : page, MESSAGES_PAGE)));
        } else {
            // no chat yet (added by hand or imported): the first message is written here; once sent, WhatsApp makes the chat
            model.addAttribute("entries", outbox.recentForContact(id));
            model.addAttribute("zone", outbox.timeZone());
            if (!model.containsAttribute("clientKey")) model.addAttribute("clientKey", UUID.randomUUID().toString());
        }
        return "contact";
    }

    /**
     * A first message to a contact without a chat, through the outbox and its send rules like every message. The key
     * made with the form makes a second click (or a reload that posts again) the same message.
     */
    @PostMapping("/contacts/{id}/write")
    String write(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                 @RequestParam(required = false) String clientKey, RedirectAttributes redirect) {
        contacts.get(id);
        try {
            OutboxEntryView entry = sender.send(SendCommand.reply(id, null, text, clientKey));
            redirect.addFlashAttribute("toast", entry.state().name().equals("BLOCKED")
                    ? "Not sent: " + entry.why()
                    : "Queued. It leaves when the send rules allow; the chat then appears under Chats.");
            redirect.addFlashAttribute("toastLevel", entry.state().name().equals("BLOCKED") ? "error" : "success");
        } catch (InvalidInputException e) {
            // what was typed comes back, with the same key: sending again still makes one message
            redirect.addFlashAttribute("toast", e.getMessage());
            redirect.addFlashAttribute("toastLevel", "error");
            redirect.addFlashAttribute("typed", text);
            redirect.addFlashAttribute("clientKey", clientKey);
        }
        return "redirect:/contacts/" + id;
    }

    @GetMapping(path = "/contacts/{id}/messages")
    String messages(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        ContactView contact = contacts.get(id);
        model.addAttribute("contact", contact);
        if (contact.chatId() != null) {
            model.addAttribute("messages", chats.messages(contact.chatId(), Paging.of(page == null ? 0 : page, MESSAGES_PAGE)));
        }
        return "contact :: conversation";
    }

    @PostMapping("/contacts/{id}")
    String saveDetails(@PathVariable long id, @RequestParam(defaultValue = "") String displayName,
                       @RequestParam(defaultValue = "") String notes,
                       @RequestParam(defaultValue = "false") boolean optedOut,
                       @RequestParam(required = false) Boolean optedOutShown,
                       @RequestHeader(value = "HX-Request", required = false) String htmx,
                       HttpServletResponse response, Model model, RedirectAttributes redirect) {
        // the opt-out changes only when the box was changed: a page opened before the person wrote STOP shows it
        // unticked, and saving its notes must not opt them back in
        Boolean optOut = optedOutShown != null && optedOutShown == optedOut ? null : optedOut;
        return apply(id, () -> new ContactEdit(displayName, notes, null, null, optOut), "Saved.",
                htmx, response, model, redirect);
    }

    @PostMapping("/contacts/{id}/tags")
    String addTag(@PathVariable long id, @RequestParam(required = false) Long tagId,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return apply(id, () -> {
            InvalidInputException.require(tagId != null, "tagId", "Choose a tag first.");
            Set<Long> next = tagIds(contacts.get(id).tags());
            next.add(tagId);
            return ContactEdit.tags(next);
        }, "Tag added.", htmx, response, model, redirect);
    }

    @PostMapping("/contacts/{id}/tags/{tagId}/remove")
    String removeTag(@PathVariable long id, @PathVariable long tagId,
                     @RequestHeader(value = "HX-Request", required = false) String htmx,
                     HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return apply(id, () -> {
            Set<Long> next = tagIds(contacts.get(id).tags());
            next.remove(tagId);
            return ContactEdit.tags(next);
        }, "Tag removed.", htmx, response, model, redirect);
    }

    /** Custom fields arrive as parallel lists; the edit replaces them all. Rows with neither name nor value are dropped. */
    @PostMapping("/contacts/{id}/fields")
    String saveFields(@PathVariable long id, @RequestParam(name = "key", required = false) List<String> keys,
                      @RequestParam(name = "value", required = false) List<String> values,
                      @RequestHeader(value = "HX-Request", required = false) String htmx,
                      HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return apply(id, () -> ContactEdit.fields(fields(keys, values)), "Fields saved.", htmx, response, model, redirect);
    }

    static Map<String, String> fields(List<String> keys, List<String> values) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> k = keys == null ? List.of() : keys;
        List<String> v = values == null ? List.of() : values;
        for (int i = 0; i < Math.max(k.size(), v.size()); i++) {
            String key = i < k.size() ? k.get(i).strip() : "";
            String value = i < v.size() ? v.get(i) : "";
            if (key.isEmpty() && value.isBlank()) {
                continue;
            }
            InvalidInputException.require(!key.isEmpty(), "fields", "Every value needs a field name.");
            InvalidInputException.require(!fields.containsKey(key), "fields", "The field “" + key + "” appears twice.");
            fields.put(key, value);
        }
        return fields;
    }

    private static Set<Long> tagIds(List<TagRefView> refs) {
        return refs.stream().map(TagRefView::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private interface EditSupplier {
        ContactEdit get();
    }

    private String apply(long id, EditSupplier edit, String success, String htmx, HttpServletResponse response,
                         Model model, RedirectAttributes redirect) {
        String error = null;
        try {
            commands.update(id, edit.get());
        } catch (InvalidInputException e) {
            error = e.getMessage();
        }
        if (htmx == null) {
            redirect.addFlashAttribute("toast", error == null ? success : error);
            redirect.addFlashAttribute("toastLevel", error == null ? "success" : "error");
            return "redirect:/contacts/" + id;
        }
        if (error == null) {
            Toasts.success(response, success);
        } else {
            // keep what the person typed on the page: nothing is swapped, the toast says what to fix
            Toasts.error(response, error);
            response.setHeader("HX-Reswap", "none");
            response.setStatus(422);
        }
        fill(model, contacts.get(id));
        return "contact :: editor";
    }

    private void fill(Model model, ContactView contact) {
        model.addAttribute("contact", contact);
        Set<Long> carried = tagIds(contact.tags());
        model.addAttribute("otherTags", tags.choices().stream().filter(t -> !carried.contains(t.id())).toList());
    }
}
