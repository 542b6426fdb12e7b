package it.mssg.web.tags;

import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NewTag;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagCommands;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagView;
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

import java.util.List;
import java.util.function.Supplier;

/** Tags: create, rename, recolour, delete (saying how many contacts it touches). */
@Controller
class TagsController {

    private final TagQueries tags;
    private final TagCommands commands;

    TagsController(TagQueries tags, TagCommands commands) {
        this.tags = tags;
        this.commands = commands;
    }

    /** Tags a page shows: thousands (every value of a file's column imported as a tag) would be a page of megabytes. */
    static final int PAGE_SIZE = 200;

    @GetMapping("/tags")
    String list(@RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        fill(model, page == null ? 0 : Math.max(0, page));
        return htmx != null ? "tags :: list" : "tags";
    }

    @PostMapping("/tags")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) String color,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return apply(() -> {
            TagView tag = commands.create(new NewTag(name, color));
            return "Created the tag “" + tag.name() + "”.";
        }, htmx, response, model, redirect);
    }

    @PostMapping("/tags/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String color,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return apply(() -> {
            TagView current = tags.get(id);
            TagView tag = current;
            if (name != null && !name.strip().equals(current.name())) {
                tag = commands.rename(id, name);
            }
            if (color != null && !color.equalsIgnoreCase(current.color())) {
                tag = commands.recolor(id, color);
            }
            return tag == current ? "Nothing to change." : "Saved the tag “" + tag.name() + "”.";
        }, htmx, response, model, redirect);
    }

    @PostMapping("/tags/{id}/delete")
    String delete(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return apply(() -> {
            String name = tags.get(id).name();
            int touched = commands.delete(id);
            return touched == 0 ? "Deleted the tag “" + name + "” (no contact had it)."
                    : "Deleted the tag “" + name + "” from " + touched + (touched == 1 ? " contact." : " contacts.");
        }, htmx, response, model, redirect);
    }

    @PostMapping("/tags/delete-unused")
    String deleteUnused(@RequestHeader(value = "HX-Request", required = false) String htmx,
                        HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return apply(() -> {
            int n = commands.deleteUnused();
            return n == 0 ? "No tag could go: each is on a contact, a WhatsApp label, or named by a campaign."
                    : "Deleted " + n + (n == 1 ? " tag" : " tags") + " no contact had.";
        }, htmx, response, model, redirect);
    }

    private String apply(Supplier<String> action, String htmx, HttpServletResponse response, Model model,
                         RedirectAttributes redirect) {
        String message;
        boolean ok;
        try {
            message = action.get();
            ok = true;
        } catch (InvalidInputException e) {
            message = e.getMessage();
            ok = false;
        }
        if (htmx == null) {
            redirect.addFlashAttribute("toast", message);
            redirect.addFlashAttribute("toastLevel", ok ? "success" : "error");
            return "redirect:/tags";
        }
        if (ok) {
            Toasts.success(response, message);
        } else {
            // what was typed stays on the page; the toast says what to fix
            Toasts.error(response, message);
            response.setHeader("HX-Reswap", "none");
            response.setStatus(422);
        }
        fill(model, 0);
        return "tags :: list";
    }

    private void fill(Model model, int page) {
        List<TagView> all = tags.list();
        // a page past the end (an old link) shows the last one
        Paging paging = Paging.of(Math.min(page, Math.max(0, (all.size() - 1) / PAGE_SIZE)), PAGE_SIZE);
        List<TagView> shown = all.subList((int) paging.offset(), (int) Math.min(all.size(), paging.offset() + PAGE_SIZE));
        model.addAttribute("tags", shown);
        model.addAttribute("tagPage", PageView.of(shown, paging, all.size()));
        model.addAttribute("unused", all.stream().filter(t -> t.contactCount() == 0).count());
    }
}
