package it.mssg.web.data;

import it.mssg.core.api.Backups;
import it.mssg.core.api.DataExport;
import it.mssg.core.api.DataOwnership;
import it.mssg.core.api.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings › Your data: export, backups, delete everything. */
@Controller
class DataController {

    private final DataExport export;
    private final Backups backups;
    private final DataOwnership ownership;

    DataController(DataExport export, Backups backups, DataOwnership ownership) {
        this.export = export;
        this.backups = backups;
        this.ownership = ownership;
    }

    @GetMapping("/settings/data")
    String show(Model model) {
        model.addAttribute("backupsSupported", backups.supported());
        model.addAttribute("backups", backups.list());
        model.addAttribute("backupsKept", backups.kept());
        model.addAttribute("confirmation", DataOwnership.CONFIRMATION);
        return "data";
    }

    /** The zip goes out as it is written: nothing of it is held in memory. */
    @GetMapping("/settings/data/export")
    ResponseEntity<StreamingResponseBody> export() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export::writeZip);
    }

    @PostMapping("/settings/data/backups")
    String backupNow(RedirectAttributes redirect) {
        try {
            var b = backups.backupNow();
            redirect.addFlashAttribute("toast", "Backed up to " + b.fileName() + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
            redirect.addFlashAttribute("toastLevel", "error");
        }
        return "redirect:/settings/data";
    }

    @PostMapping("/settings/data/delete")
    String deleteEverything(@RequestParam(defaultValue = "") String confirmation, RedirectAttributes redirect) {
        try {
            ownership.deleteEverything(confirmation);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("toast", "Nothing was deleted: " + e.getMessage() + ".");
            redirect.addFlashAttribute("toastLevel", "error");
            return "redirect:/settings/data";
        }
        return "redirect:/";
    }
}
