package it.mssg.web.replies;

import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.QuickReplies;
import it.mssg.web.Toasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.function.Supplier;

/** Quick replies: snippets offered when typing {@code /} in the reply box. Create, edit, delete. */
@Controller
class QuickRepliesController {

    private final QuickReplies quickReplies;

    QuickRepliesController(QuickReplies quickReplies) {
        this.quickReplies = quickReplies;
    }

    @GetMapping("/quick-replies")
    String list(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("replies", quickReplies.list(null));
        return htmx != null ? "quick-replies :: list" : "quick-replies";
    }

    @PostMapping("/quick-replies")
    String create(@RequestParam(defaultValue = "") String shortcut, @RequestParam(defaultValue = "") String body,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response,
                  Model model) {
        return apply(() -> "Saved /" + quickReplies.create(strip(shortcut), body).shortcut() + ".",
                htmx, response, model);
    }

    @PostMapping("/quick-replies/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String shortcut,
                  @RequestParam(defaultValue = "") String body,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response,
                  Model model) {
        return apply(() -> "Saved /" + quickReplies.update(id, strip(shortcut), body).shortcut() + ".",
                htmx, response, model);
    }

    @PostMapping("/quick-replies/{id}/delete")
    String delete(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, Model model) {
        return apply(() -> {
            quickReplies.delete(id);
            return "Deleted the quick reply.";
        }, htmx, response, model);
    }

    /** People type the slash they will type in the reply box; the shortcut itself has none. */
    private static String strip(String shortcut) {
        String s = shortcut.strip();
        return s.startsWith("/") ? s.substring(1) : s;
    }

    private String apply(Supplier<String> action, String htmx, HttpServletResponse response, Model model) {
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
            // the page itself, not a redirect: a flash message would need a session
            model.addAttribute("toast", message);
            model.addAttribute("toastLevel", ok ? "success" : "error");
            model.addAttribute("replies", quickReplies.list(null));
            return "quick-replies";
        }
        if (ok) {
            Toasts.success(response, message);
        } else {
            // what was typed stays on the page; the toast says what to fix
            Toasts.error(response, message);
            response.setHeader("HX-Reswap", "none");
            response.setStatus(422);
        }
        model.addAttribute("replies", quickReplies.list(null));
        return "quick-replies :: list";
    }
}
