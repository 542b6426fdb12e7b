package it.mssg.web.sending;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.mssg.core.api.FollowUpReminders;
import it.mssg.core.api.GovernorSettingsApi;
import it.mssg.core.api.GovernorSettingsView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.ReminderView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Follow-up reminders and the send governor's settings. */
@RestController
@RequestMapping("/api")
@Tag(name = "Reminders and send settings")
class RemindersApi {

    private final FollowUpReminders reminders;
    private final GovernorSettingsApi governor;

    RemindersApi(FollowUpReminders reminders, GovernorSettingsApi governor) {
        this.reminders = reminders;
        this.governor = governor;
    }

    record ReminderRequest(Long contactId, Integer days, String note) {
    }

    @PostMapping("/reminders")
    @Operation(summary = "Remind me if this contact does not write within N days")
    ResponseEntity<ReminderView> remind(@RequestBody ReminderRequest request) {
        InvalidInputException.require(request != null && request.contactId() != null, "contactId", "contactId is required");
        InvalidInputException.require(request.days() != null, "days", "days is required");
        return ResponseEntity.status(HttpStatus.CREATED).body(reminders.remind(request.contactId(), request.days(), request.note()));
    }

    @GetMapping("/reminders/due")
    @Operation(summary = "Reminders due now (for Home)")
    List<ReminderView> due() {
        return reminders.due();
    }

    @GetMapping("/reminders")
    @Operation(summary = "Open reminders of one contact")
    List<ReminderView> openFor(@RequestParam long contactId) {
        return reminders.openFor(contactId);
    }

    @PostMapping("/reminders/{id}/clear")
    ResponseEntity<Void> clear(@PathVariable long id) {
        reminders.clear(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/settings/governor")
    @Operation(summary = "The send governor's settings")
    GovernorSettingsView governor() {
        return governor.get();
    }

    @PutMapping("/settings/governor")
    @Operation(summary = "Change the send governor's settings (all fields)")
    GovernorSettingsView updateGovernor(@RequestBody GovernorSettingsView settings) {
        return governor.update(settings);
    }

    record KeywordsRequest(List<String> keywords) {
    }

    @GetMapping("/settings/opt-out-keywords")
    @Operation(summary = "Inbound messages that opt a contact out")
    KeywordsRequest optOutKeywords() {
        return new KeywordsRequest(governor.optOutKeywords());
    }

    @PutMapping("/settings/opt-out-keywords")
    @Operation(summary = "Replace the opt-out keywords (an empty list restores the defaults)")
    KeywordsRequest updateOptOutKeywords(@RequestBody KeywordsRequest request) {
        InvalidInputException.require(request != null, "keywords", "the keywords are missing");
        return new KeywordsRequest(governor.updateOptOutKeywords(request.keywords()));
    }

    @PostMapping("/settings/governor/reset")
    @Operation(summary = "Back to the default settings")
    GovernorSettingsView resetGovernor() {
        return governor.reset();
    }
}
