package it.mssg.web.contacts;

import it.mssg.core.api.BulkTagging;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactImport;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.TagChoice;
import it.mssg.core.api.TagQueries;
import it.mssg.web.Toasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The contact list: search as you type, tag chips, sorting, paging, tagging many at once, export. */
@Controller
class ContactsController {

    private final ContactQueries contacts;
    private final ContactCommands commands;
    private final TagQueries tags;
    private final ContactImport csv;

    ContactsController(ContactQueries contacts, ContactCommands commands, TagQueries tags, ContactImport csv) {
        this.contacts = contacts;
        this.commands = commands;
        this.tags = tags;
        this.csv = csv;
    }

    @GetMapping("/contacts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) List<Long> tag,
                @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response,
                Model model) {
        ContactListState state = ContactListState.of(q, tag, sort, page);
        fill(model, state);
        if (htmx == null) {
            return "contacts";
        }
        // the address bar shows the list's canonical address (no empty q=, no default sort)
        response.setHeader("HX-Push-Url", state.selfUrl());
        return "contacts :: results";
    }

    @PostMapping("/contacts/bulk")
    String bulk(@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) Long tagId,
                @RequestParam String action,
                @RequestParam(required = false) String q, @RequestParam(required = false) List<Long> tag,
                @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) String confirmed,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ContactListState state = ContactListState.of(q, tag, sort, page);
        String message;
        boolean ok = false;
        if (!List.of("tag", "untag", "delete").contains(action)) {
            message = "Choose Add tag, Remove tag or Delete.";
        } else if (ids == null || ids.isEmpty()) {
            message = "Select at least one contact first.";
        } else if ("delete".equals(action) && htmx == null && !"yes".equals(confirmed)) {
            // without scripts the button's dialog never showed: a page asks instead
            model.addAttribute("ids", new LinkedHashSet<>(ids));
            model.addAttribute("state", state);
            return "contacts-delete";
        } else if ("delete".equals(action)) {
            message = deleteAll(new LinkedHashSet<>(ids));
            ok = true;
        } else if (tagId == null) {
            message = "Choose a tag first.";
        } else {
            try {
                BulkTagging command = new BulkTagging(new HashSet<>(ids), tagId);
                String tagName = tags.get(tagId).name();
                if ("untag".equals(action)) {
                    int n = commands.untag(command);
                    message = "Removed “" + tagName + "” from " + n + (n == 1 ? " contact." : " contacts.");
                } else {
                    int n = commands.tag(command);
                    message = "Tagged " + n + (n == 1 ? " contact" : " contacts") + " with “" + tagName + "”.";
                }
                ok = true;
            } catch (InvalidInputException e) {
                message = e.getMessage();
            }
        }
        if (htmx == null) {
            redirect.addFlashAttribute("toast", message);
            redirect.addFlashAttribute("toastLevel", ok ? "success" : "error");
            return "redirect:" + state.selfUrl();
        }
        if (ok) {
            Toasts.success(response, message);
        } else {
            Toasts.error(response, message);
        }
        fill(model, state);
        return "contacts :: results";
    }

    /** Each contact on its own: one who opted out is kept (see ContactCommands#delete), the others go. */
    private String deleteAll(Set<Long> ids) {
        int deleted = 0;
        int kept = 0;
        for (long id : ids) {
            try {
                commands.delete(id);
                deleted++;
            } catch (ConflictException e) {
                kept++;
            } catch (NotFoundException e) {
                // deleted meanwhile, in another tab: nothing left to do
            }
        }
        return "Deleted " + deleted + (deleted == 1 ? " contact." : " contacts.")
                + (kept == 0 ? "" : " " + kept + (kept == 1 ? " who opted out was" : " who opted out were")
                + " kept, so that nothing is ever sent to them again.");
    }

    @GetMapping("/contacts/export")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) List<Long> tag,
                HttpServletResponse response) throws IOException {
        ContactListState state = ContactListState.of(q, tag, null, 0);
        ContactFilter filter = state.filter(); // checked before the download starts: a bad search is then still a page
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(csv.exportFileName(), StandardCharsets.UTF_8).build().toString());
        OutputStream out = response.getOutputStream();
        csv.exportCsv(filter, out);
        out.flush();
    }

    private void fill(Model model, ContactListState state) {
        model.addAttribute("state", state);
        model.addAttribute("result", contacts.search(state.search()));
        List<TagChoice> all = tags.choices();
        model.addAttribute("allTags", all);
        // thousands of tags (an import of a file's every value as a tag) would bury the list under chips: the first
        // ones and those in use as filters are shown, the Tags screen filters by any
        long chosen = all.stream().filter(t -> state.hasTag(t.id())).count();
        int[] room = {(int) Math.max(0, TAG_CHIPS - chosen)};
        List<TagChoice> chips = all.stream().filter(t -> state.hasTag(t.id()) || room[0]-- > 0).toList(); // in name order
        model.addAttribute("tagChips", chips);
        model.addAttribute("moreTags", all.size() - chips.size());
    }

    /** How many tags the list offers as filter chips. */
    static final int TAG_CHIPS = 40;
}
