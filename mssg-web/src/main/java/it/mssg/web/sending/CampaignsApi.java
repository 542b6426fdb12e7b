package it.mssg.web.sending;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.mssg.core.api.CampaignDraft;
import it.mssg.core.api.CampaignDryRunView;
import it.mssg.core.api.CampaignView;
import it.mssg.core.api.Campaigns;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
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

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns")
class CampaignsApi {

    private final Campaigns campaigns;

    CampaignsApi(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping
    @Operation(summary = "Campaigns, newest first, with progress")
    List<CampaignView> list() {
        return campaigns.list();
    }

    @PostMapping
    @Operation(summary = "Create a draft: name, tag expression (e.g. \"vip, lead +italy -competitor\": any of the bare tags,"
            + " +tag must also have, -tag left out; empty = everyone; and/or/not and parentheses are refused), template")
    ResponseEntity<CampaignView> create(@RequestBody CampaignDraft draft) {
        CampaignView created = campaigns.create(draft);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/campaigns/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign with progress and the governor's ETA")
    CampaignView get(@PathVariable long id) {
        return campaigns.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a draft")
    CampaignView update(@PathVariable long id, @RequestBody CampaignDraft draft) {
        return campaigns.update(id, draft);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a campaign that is not running (messages already sent stay in the history)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        campaigns.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/dry-run")
    @Operation(summary = "Who would get what, who is skipped and why, and the ETA")
    CampaignDryRunView dryRun(@PathVariable long id) {
        return campaigns.dryRun(id);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Queue every recipient and start (starting twice adds nobody)")
    CampaignView start(@PathVariable long id) {
        return campaigns.start(id);
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause: nothing more of this campaign leaves")
    CampaignView pause(@PathVariable long id) {
        return campaigns.pause(id);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused campaign")
    CampaignView resume(@PathVariable long id) {
        return campaigns.resume(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel: every message that has not left is cancelled")
    CampaignView cancel(@PathVariable long id) {
        return campaigns.cancel(id);
    }

    @GetMapping("/{id}/recipients")
    @Operation(summary = "Recipients with their status and reason, in queue order")
    PageView<OutboxEntryView> recipients(@PathVariable long id, @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return campaigns.recipients(id, Paging.ofNullable(page, size));
    }
}
