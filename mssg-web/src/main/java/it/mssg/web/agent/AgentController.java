package it.mssg.web.agent;

import it.mssg.agent.api.AgentHealth;
import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentRules;
import it.mssg.agent.api.KnowledgeBase;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.api.MessageTest;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSummaryView;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagQueries;
import it.mssg.licensing.api.Entitlements;
import it.mssg.licensing.api.Feature;
import it.mssg.web.Toasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The Agent screen: knowledge base, "test a message", settings, and the mode per tag and per contact. */
@Controller
class AgentController {

    private final KnowledgeBase knowledge;
    private final AgentRules rules;
    private final AgentHealth health;
    private final TagQueries tags;
    private final ContactQueries contacts;
    private final Entitlements entitlements;

    AgentController(KnowledgeBase knowledge, AgentRules rules, AgentHealth health, TagQueries tags,
                    ContactQueries contacts, Entitlements entitlements) {
        this.knowledge = knowledge;
        this.rules = rules;
        this.health = health;
        this.tags = tags;
        this.contacts = contacts;
        this.entitlements = entitlements;
    }

    /** A contact with a mode of its own, for the list on the Agent screen. */
    record ContactModeView(long contactId, String name, AgentMode mode) {
    }

    /** A tag and its mode, or null when the tag follows the default. */
    record TagModeView(long tagId, String name, String color, AgentMode mode) {
    }

    /**
     * What a redirect after a change tells the page to say. A code rather than a flash attribute: flash attributes
     * need a session, and a new session would put its id in the redirect's address.
     */
    static final Map<String, String> DONE = Map.of(
            "added", "Answer added.",
            "saved", "Answer saved.",
            "deleted", "Answer deleted.",
            "settings", "Agent settings saved.",
            "mode", "Mode saved.");

    @GetMapping("/agent")
    String agent(@RequestParam(required = false) String done, Model model) {
        if (done != null && DONE.containsKey(done)) model.addAttribute("toast", DONE.get(done));
        return page(model, EntryForm.empty(), null, SettingsForm.of(rules.settings()), null);
    }

    private String page(Model model, EntryForm entryForm, String entryError, SettingsForm settingsForm, String settingsError) {
        model.addAttribute("entries", knowledge.list());
        model.addAttribute("status", health.status());
        model.addAttribute("autoLicensed", entitlements.allows(Feature.AGENT_AUTO_MODE));
        model.addAttribute("entryForm", entryForm);
        model.addAttribute("entryError", entryError);
        model.addAttribute("settingsForm", settingsForm);
        model.addAttribute("settingsError", settingsError);
        model.addAttribute("modes", AgentMode.values());
        Map<Long, AgentMode> tagModes = rules.tagModes();
        model.addAttribute("tagModes", tags.choices().stream()
                .map(t -> new TagModeView(t.id(), t.name(), t.color(), tagModes.get(t.id()))).toList());
        model.addAttribute("contactModes", contactModes());
        return "agent";
    }

    private List<ContactModeView> contactModes() {
        List<ContactModeView> result = new ArrayList<>();
        rules.contactModes().forEach((id, mode) -> {
            try {
                ContactView c = contacts.get(id);
                result.add(new ContactModeView(id, c.displayName() != null ? c.displayName() : c.phoneE164(), mode));
            } catch (NotFoundException e) {
                // the contact was deleted; its mode no longer matters
            }
        });
        result.sort(Comparator.comparing(ContactModeView::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        return result;
    }

    @PostMapping("/agent/entries")
    String create(EntryForm form, Model model, HttpServletResponse response) {
        try {
            knowledge.create(form.toEdit());
            return "redirect:/agent?done=added";
        } catch (InvalidInputException e) {
            response.setStatus(rejected(e));
            return page(model, form, e.getMessage(), SettingsForm.of(rules.settings()), null);
        }
    }

    @GetMapping("/agent/entries/{id}")
    String entry(@PathVariable long id, Model model) {
        KnowledgeEntryView entry = knowledge.get(id);
        return entryPage(model, entry, EntryForm.of(entry), null);
    }

    private String entryPage(Model model, KnowledgeEntryView entry, EntryForm form, String error) {
        model.addAttribute("entry", entry);
        model.addAttribute("entryForm", form);
        model.addAttribute("entryError", error);
        return "agent-entry";
    }

    @PostMapping("/agent/entries/{id}")
    String update(@PathVariable long id, EntryForm form, Model model, HttpServletResponse response) {
        KnowledgeEntryView entry = knowledge.get(id);
        try {
            knowledge.update(id, form.toEdit());
            return "redirect:/agent?done=saved";
        } catch (InvalidInputException e) {
            response.setStatus(rejected(e));
            return entryPage(model, entry, form, e.getMessage());
        }
    }

    /** A question another answer already has is a conflict (409, as core's ConflictException says); the rest is 400. */
    private static int rejected(InvalidInputException e) {
        return (e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST).value();
    }

    /** Asked from a button with a confirmation (htmx); the page then reloads. */
    @PostMapping("/agent/entries/{id}/delete")
    String delete(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletResponse response) {
        knowledge.get(id); // a clear "not found" for an entry that does not exist
        knowledge.delete(id);
        if (htmx != null) {
            response.setHeader("HX-Redirect", "/agent?done=deleted");
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        return "redirect:/agent?done=deleted";
    }

    /** The "test a message" box: always a fragment, swapped under the box. */
    @PostMapping("/agent/test")
    String test(@RequestParam(defaultValue = "") String text, @RequestParam(required = false) String mode, Model model,
                HttpServletResponse response) {
        try {
            model.addAttribute("result", knowledge.test(new MessageTest(text,
                    mode == null || mode.isBlank() ? null : SettingsForm.mode(mode))));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("testError", e.getMessage());
        }
        model.addAttribute("autoLicensed", entitlements.allows(Feature.AGENT_AUTO_MODE));
        return "fragments/agent :: test-result";
    }

    @PostMapping("/agent/settings")
    String settings(SettingsForm form, Model model, HttpServletResponse response) {
        try {
            rules.updateSettings(form.toView());
            return "redirect:/agent?done=settings";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, EntryForm.empty(), null, form, e.getMessage());
        }
    }

    @PostMapping("/agent/tags/{id}/mode")
    String tagMode(@PathVariable long id, @RequestParam(defaultValue = "") String mode,
                   @RequestHeader(value = "HX-Request", required = false) String htmx,
                   HttpServletResponse response) {
        String name = tags.get(id).name();
        rules.setTagMode(id, mode.isBlank() ? null : SettingsForm.mode(mode));
        return modeSaved("Mode for tag \u201c" + name + "\u201d saved.", htmx, response);
    }

    @PostMapping("/agent/contacts/{id}/mode")
    String contactMode(@PathVariable long id, @RequestParam(defaultValue = "") String mode,
                       @RequestHeader(value = "HX-Request", required = false) String htmx,
                       HttpServletResponse response) {
        contacts.get(id); // a clear "not found" for a contact that does not exist
        rules.setContactMode(id, mode.isBlank() ? null : SettingsForm.mode(mode));
        return modeSaved("Mode for the contact saved.", htmx, response);
    }

    private String modeSaved(String message, String htmx, HttpServletResponse response) {
        if (htmx != null) {
            Toasts.success(response, message);
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        return "redirect:/agent?done=mode";
    }

    /** Contacts found by name or number, each with a mode picker (htmx fragment). */
    @GetMapping("/agent/contacts")
    String findContacts(@RequestParam(defaultValue = "") String q, Model model) {
        List<ContactSummaryView> found = q.isBlank() ? List.of()
                : contacts.search(ContactSearch.of(ContactFilter.text(q), Paging.first(20))).items();
        Map<Long, AgentMode> modes = rules.contactModes();
        model.addAttribute("found", found.stream().map(c -> new ContactModeView(c.id(),
                c.displayName() != null ? c.displayName() : c.phoneE164(), modes.get(c.id()))).toList());
        model.addAttribute("q", q);
        model.addAttribute("modes", AgentMode.values());
        return "fragments/agent :: contact-results";
    }
}
