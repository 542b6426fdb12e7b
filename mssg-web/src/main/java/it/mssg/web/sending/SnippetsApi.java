package it.mssg.web.sending;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.MessageTemplates;
import it.mssg.core.api.QuickReplies;
import it.mssg.core.api.QuickReplyView;
import it.mssg.core.api.TemplatePreviewView;
import it.mssg.core.api.TemplateView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Templates and quick replies: saved texts in template syntax. */
@RestController
@RequestMapping("/api")
@Tag(name = "Templates and quick replies")
class SnippetsApi {

    private final MessageTemplates templates;
    private final QuickReplies quickReplies;

    SnippetsApi(MessageTemplates templates, QuickReplies quickReplies) {
        this.templates = templates;
        this.quickReplies = quickReplies;
    }

    record TemplateRequest(String name, String body) {
    }

    record PreviewRequest(String body, List<Long> contactIds) {
    }

    record QuickReplyRequest(String shortcut, String body) {
    }

    private static <T> T required(T body) {
        InvalidInputException.require(body != null, null, "the request body is missing");
        return body;
    }

    @GetMapping("/templates")
    @Operation(summary = "Saved templates by name")
    List<TemplateView> templates() {
        return templates.list();
    }

    @PostMapping("/templates")
    @Operation(summary = "Save a template ({{first_name|there}}, {{field.city}}, {Hi|Hello})")
    ResponseEntity<TemplateView> createTemplate(@RequestBody TemplateRequest request) {
        required(request);
        return ResponseEntity.status(HttpStatus.CREATED).body(templates.create(request.name(), request.body()));
    }

    @GetMapping("/templates/{id}")
    TemplateView template(@PathVariable long id) {
        return templates.get(id);
    }

    @PutMapping("/templates/{id}")
    TemplateView updateTemplate(@PathVariable long id, @RequestBody TemplateRequest request) {
        required(request);
        return templates.update(id, request.name(), request.body());
    }

    @DeleteMapping("/templates/{id}")
    ResponseEntity<Void> deleteTemplate(@PathVariable long id) {
        templates.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/templates/preview")
    @Operation(summary = "Render a template text for up to 20 contacts, as each would get it")
    List<TemplatePreviewView> preview(@RequestBody PreviewRequest request) {
        required(request);
        return templates.preview(request.body(), request.contactIds());
    }

    @GetMapping("/quick-replies")
    @Operation(summary = "Quick replies by shortcut; prefix filters (what was typed after /)")
    List<QuickReplyView> quickReplies(@RequestParam(required = false) String prefix) {
        return quickReplies.list(prefix);
    }

    @PostMapping("/quick-replies")
    ResponseEntity<QuickReplyView> createQuickReply(@RequestBody QuickReplyRequest request) {
        required(request);
        return ResponseEntity.status(HttpStatus.CREATED).body(quickReplies.create(request.shortcut(), request.body()));
    }

    @PutMapping("/quick-replies/{id}")
    QuickReplyView updateQuickReply(@PathVariable long id, @RequestBody QuickReplyRequest request) {
        required(request);
        return quickReplies.update(id, request.shortcut(), request.body());
    }

    @DeleteMapping("/quick-replies/{id}")
    ResponseEntity<Void> deleteQuickReply(@PathVariable long id) {
        quickReplies.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/quick-replies/{id}/render")
    @Operation(summary = "The quick reply with the contact's values filled in")
    Map<String, String> render(@PathVariable long id, @RequestParam long contactId) {
        return Map.of("text", quickReplies.render(id, contactId));
    }
}
