package it.mssg.web.imports;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ImportHistory;
import it.mssg.core.api.ImportUndoView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Undoing an import: a page that says what would be removed and what kept, then the removal. A page of its own rather
 * than a script's dialog, so that the count is seen before anything goes, with or without JavaScript.
 */
@Controller
class ImportUndoController {

    private final ImportHistory history;

    ImportUndoController(ImportHistory history) {
        this.history = history;
    }

    @GetMapping("/contacts/imports/{id}/undo")
    String plan(@PathVariable long id, Model model) {
        model.addAttribute("plan", history.undoPlan(id));
        return "import-undo";
    }

    @PostMapping("/contacts/imports/{id}/undo")
    String undo(@PathVariable long id, RedirectAttributes redirect) {
        try {
            ImportUndoView done = history.undo(id);
            redirect.addFlashAttribute("toast", outcome(done));
            redirect.addFlashAttribute("toastLevel", "success");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
            redirect.addFlashAttribute("toastLevel", "error");
        }
        return "redirect:/contacts/import";
    }

    static String outcome(ImportUndoView done) {
        String text = "Removed " + done.removed() + (done.removed() == 1 ? " contact" : " contacts") + " that "
                + done.record().fileName() + " added.";
        if (done.kept() > 0) text += " Kept " + done.kept() + (done.kept() == 1 ? " that is" : " that are")
                + " opted out, in use or changed since.";
        if (done.cancelledMessages() > 0) text += " Cancelled " + done.cancelledMessages()
                + (done.cancelledMessages() == 1 ? " message that was" : " messages that were") + " waiting to go to them.";
        return text;
    }
}
