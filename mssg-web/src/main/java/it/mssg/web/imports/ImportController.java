package it.mssg.web.imports;

import it.mssg.core.api.ContactImport;
import it.mssg.core.api.DuplicatePolicy;
import it.mssg.core.api.ImportHistory;
import it.mssg.core.api.ImportOptions;
import it.mssg.core.api.ImportPreviewView;
import it.mssg.core.api.ImportRejectedException;
import it.mssg.core.api.ImportResultView;
import it.mssg.core.api.ImportRowStatus;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.ImportRowView;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.SettingsApi;
import it.mssg.web.Toasts;
import it.mssg.web.layout.LiveUpdates;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;

/**
 * CSV import in two steps: upload → preview (valid rows, rows with errors and why, duplicates) → import.
 * The import reports its progress over SSE ({@code progress-import}) while the request runs.
 */
@Controller
class ImportController {

    static final int ROWS_PAGE = 100;
    static final String PROGRESS_JOB = "import";

    /** How many past imports the upload step lists. */
    static final int RECENT_IMPORTS = 10;

    private final ContactImport csv;
    private final ImportHistory history;
    private final SettingsApi settings;
    private final LiveUpdates live;

    ImportController(ContactImport csv, ImportHistory history, SettingsApi settings, LiveUpdates live) {
        this.csv = csv;
        this.history = history;
        this.settings = settings;
        this.live = live;
    }

    @GetMapping("/contacts/import")
    String form(Model model) {
        fillForm(model);
        return "import";
    }

    @PostMapping("/contacts/import")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String region,
                  @RequestParam(required = false) DuplicatePolicy duplicates,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, Model model) throws IOException {
        try {
            InvalidInputException.require(file != null && !(file.isEmpty() && (file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank())), "file", "Choose a CSV file first.");
            InvalidInputException.require(!file.isEmpty(), "file", "The file " + file.getOriginalFilename() + " is empty.");
            ImportPreviewView preview;
            try (InputStream in = file.getInputStream()) {
                preview = csv.preview(in, new ImportOptions(file.getOriginalFilename(),
                        region == null || region.isBlank() ? null : region, duplicates));
            }
            fillPreview(model, preview, null, 0);
            return htmx != null ? "import :: preview" : "import";
        } catch (InvalidInputException e) {
            response.setStatus(e instanceof ImportRejectedException rejected && rejected.tooLarge() ? 413 : 400);
            model.addAttribute("error", e.getMessage());
            fillForm(model);
            return htmx != null ? "import :: upload" : "import";
        }
    }

    @GetMapping("/contacts/import/{previewId}")
    String preview(@PathVariable String previewId, @RequestParam(required = false) ImportRowStatus status,
                   @RequestParam(required = false) Integer page,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ImportPreviewView preview = csv.getPreview(previewId);
        fillPreview(model, preview, status, page == null ? 0 : page);
        return htmx != null ? "import :: preview" : "import";
    }

    @PostMapping("/contacts/import/{previewId}/commit")
    String commit(@PathVariable String previewId, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, Model model,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        ImportPreviewView preview = csv.getPreview(previewId);
        live.progress(PROGRESS_JOB, "Importing " + preview.fileName(), 0, preview.importableRows());
        ImportResultView result = csv.commit(previewId, (done, total) ->
                live.progress(PROGRESS_JOB, "Importing " + preview.fileName(), done, total));
        live.progress(PROGRESS_JOB, "Imported " + preview.fileName(), preview.importableRows(), preview.importableRows());
        Toasts.success(response, "Imported " + result.created() + " new and updated " + result.merged() + " contacts."
                + (result.optedOut() == 0 ? "" : " Opted out " + result.optedOut() + " stored ones, as the file said."));
        if (htmx == null) {
            // without htmx: redirect after the post, so that reloading the page shows the outcome and posts nothing again
            redirect.addFlashAttribute("result", result);
            redirect.addFlashAttribute("fileName", preview.fileName());
            return "redirect:/contacts/import";
        }
        model.addAttribute("result", result);
        model.addAttribute("fileName", preview.fileName());
        return "import :: done";
    }

    @PostMapping("/contacts/import/{previewId}/discard")
    String discard(@PathVariable String previewId) {
        csv.discard(previewId);
        return "redirect:/contacts/import";
    }

    private void fillForm(Model model) {
        model.addAttribute("imports", history.recent(RECENT_IMPORTS));
        model.addAttribute("regions", settings.regions());
        model.addAttribute("defaultRegion", settings.get().defaultRegion());
    }

    private void fillPreview(Model model, ImportPreviewView preview, ImportRowStatus status, int page) {
        model.addAttribute("preview", preview);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ImportRowStatus.values());
        model.addAttribute("delimiterName", switch (preview.delimiter()) {
            case "\t" -> "tabs";
            case ";" -> "semicolons";
            default -> "commas";
        });
        PageView<ImportRowView> rows = csv.rows(preview.id(), status, Paging.of(page, ROWS_PAGE));
        if (rows.items().isEmpty() && page > 0) {
            // a page past the end (an old link, a typed address): the last page instead of an empty "page 1000000 of 1000"
            rows = csv.rows(preview.id(), status, Paging.of(Math.max(0, rows.totalPages() - 1), ROWS_PAGE));
        }
        model.addAttribute("rows", rows);
    }

    /** A preview that expired (or was imported already) sends the person back to the upload form. */
    @org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
    String expired(NotFoundException e, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("error", "This preview is no longer available (it expired or was imported already). Upload the file again.");
        fillForm(model);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Retarget", "#import-area");
            response.setHeader("HX-Reswap", "outerHTML");
            return "import :: upload";
        }
        return "import";
    }
}
