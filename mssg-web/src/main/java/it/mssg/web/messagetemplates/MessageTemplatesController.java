package it.mssg.web.messagetemplates;

import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.MessageTemplates;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TemplateView;
import it.mssg.web.Toasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * Message templates: list, create, edit, delete, and a preview on real contacts that shows each contact's text or
 * why they would get nothing (a value missing and no fallback), and parse errors with their line and column.
 */
@Controller
class MessageTemplatesController {

    /** Contacts offered for the preview; the core renders at most 20 at a time. */
    static final int PREVIEW_CHOICES = 100;
    static final int PREVIEW_MAX = 20;

    private final MessageTemplates templates;
    private final ContactQueries contacts;

    MessageTemplatesController(MessageTemplates templates, ContactQueries contacts) {
        this.templates = templates;
        this.contacts = contacts;
    }

    @GetMapping("/message-templates")
    String list(@RequestParam(required = false) String deleted, Model model) {
        if (deleted != null) {
            model.addAttribute("toast", "Deleted the template.");
        }
        model.addAttribute("templates", templates.list());
        return "message-templates";
    }

    @GetMapping("/message-templates/new")
    String blank(Model model) {
        return form(null, "", "", model);
    }

    @GetMapping("/message-templates/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
        if (saved != null) {
            model.addAttribute("toast", "Saved the template.");
        }
        TemplateView template = templates.get(id);
        return form(template.id(), template.name(), template.body(), model);
    }

    @PostMapping("/message-templates")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String body,
                  HttpServletResponse response, Model model) {
        try {
            TemplateView saved = templates.create(name, body);
            return "redirect:/message-templates/" + saved.id() + "?saved";
        } catch (InvalidInputException e) {
            return rejected(null, name, body, e, response, model);
        }
    }

    @PostMapping("/message-templates/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String body, HttpServletResponse response, Model model) {
        try {
            TemplateView saved = templates.update(id, name, body);
            return "redirect:/message-templates/" + saved.id() + "?saved";
        } catch (InvalidInputException e) {
            return rejected(id, name, body, e, response, model);
        }
    }

    @PostMapping("/message-templates/{id}/delete")
    String delete(@PathVariable long id) {
        templates.delete(id);
        return "redirect:/message-templates?deleted";
    }

    /** The text as each chosen contact would get it; works on unsaved text too. */
    @PostMapping("/message-templates/preview")
    String preview(@RequestParam(defaultValue = "") String body,
                   @RequestParam(name = "contactIds", required = false) List<Long> contactIds,
                   HttpServletResponse response, Model model) {
        List<Long> chosen = contactIds == null ? List.of() : contactIds.stream().distinct().limit(PREVIEW_MAX).toList();
        if (chosen.isEmpty()) {
            model.addAttribute("previewError", "Pick one or more contacts to see what they would get.");
            return "message-template :: preview";
        }
        try {
            model.addAttribute("previews", templates.preview(body, chosen));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("previewError", e.getMessage());
        }
        return "message-template :: preview";
    }

    private String rejected(Long id, String name, String body, InvalidInputException e, HttpServletResponse response,
                            Model model) {
        // what was typed stays in the form, with the problem next to the field it is about
        response.setStatus(422);
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errorField", e.field());
        return form(id, name, body, model);
    }

    private String form(Long id, String name, String body, Model model) {
        model.addAttribute("templateId", id);
        model.addAttribute("pageTitle", id == null || name.isBlank() ? "New template" : name);
        model.addAttribute("name", name);
        model.addAttribute("body", body);
        model.addAttribute("contacts", contacts.search(ContactSearch.of(ContactFilter.all(),
                Paging.first(PREVIEW_CHOICES))).items());
        return "message-template";
    }
}
