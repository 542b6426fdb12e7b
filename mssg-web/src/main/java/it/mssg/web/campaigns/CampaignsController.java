package it.mssg.web.campaigns;

import it.mssg.core.api.CampaignDraft;
import it.mssg.core.api.CampaignDryRunView;
import it.mssg.core.api.CampaignNeedsLicence;
import it.mssg.core.api.CampaignState;
import it.mssg.core.api.CampaignView;
import it.mssg.core.api.Campaigns;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.MessageTemplates;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagQueries;
import it.mssg.licensing.api.Entitlements;
import it.mssg.web.Toasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.function.Supplier;

/**
 * Campaigns: the list, a form for a draft, and one campaign's page with its dry run, start/pause/resume/cancel,
 * a live progress bar with the governor's estimate, and the paged per-recipient status.
 */
@Controller
class CampaignsController {

    static final int RECIPIENTS_PAGE = 50;

    private final Campaigns campaigns;
    private final MessageTemplates templates;
    private final TagQueries tags;
    private final ObjectProvider<Entitlements> entitlements;

    CampaignsController(Campaigns campaigns, MessageTemplates templates, TagQueries tags,
                        ObjectProvider<Entitlements> entitlements) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.tags = tags;
        this.entitlements = entitlements;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(required = false) String deleted, Model model) {
        if (deleted != null) {
            model.addAttribute("toast", "Deleted the campaign.");
        }
        model.addAttribute("campaigns", campaigns.list());
        return "campaigns";
    }

    @GetMapping("/campaigns/new")
    String blank(Model model) {
        return form(null, "", "", "", model);
    }

    @GetMapping("/campaigns/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        CampaignView campaign = campaigns.get(id);
        return form(id, campaign.name(), campaign.tagExpression(), campaign.template(), model);
    }

    @PostMapping("/campaigns")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String tagExpression,
                  @RequestParam(defaultValue = "") String template, HttpServletResponse response, Model model) {
        try {
            CampaignView saved = campaigns.create(new CampaignDraft(name, tagExpression, template));
            return "redirect:/campaigns/" + saved.id() + "?saved";
        } catch (InvalidInputException e) {
            return rejected(null, name, tagExpression, template, e, response, model);
        }
    }

    @PostMapping("/campaigns/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String tagExpression, @RequestParam(defaultValue = "") String template,
                  HttpServletResponse response, Model model) {
        try {
            campaigns.update(id, new CampaignDraft(name, tagExpression, template));
            return "redirect:/campaigns/" + id + "?saved";
        } catch (InvalidInputException e) {
            return rejected(id, name, tagExpression, template, e, response, model);
        }
    }

    @GetMapping("/campaigns/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) String saved, Model model) {
        if (saved != null) {
            model.addAttribute("toast", "Saved the draft. A dry run shows who gets what.");
        }
        model.addAttribute("campaign", campaigns.get(id));
        model.addAttribute("recipients", campaigns.recipients(id, Paging.of(page == null ? 0 : page, RECIPIENTS_PAGE)));
        model.addAttribute("freeRecipients", Entitlements.FREE_CAMPAIGN_RECIPIENTS);
        return "campaign";
    }

    /** The progress bar, state and actions; fetched again whenever the campaign's progress changes. */
    @GetMapping("/campaigns/{id}/status")
    String status(@PathVariable long id, Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        return "campaign :: status";
    }

    @GetMapping("/campaigns/{id}/recipients")
    String recipients(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        model.addAttribute("recipients", campaigns.recipients(id, Paging.of(page == null ? 0 : page, RECIPIENTS_PAGE)));
        return "campaign :: recipients";
    }

    @PostMapping("/campaigns/{id}/dry-run")
    String dryRun(@PathVariable long id, Model model) {
        CampaignDryRunView run = campaigns.dryRun(id);
        model.addAttribute("campaign", campaigns.get(id));
        model.addAttribute("dryRun", run);
        model.addAttribute("licenceNeeded", !allowed(run.toSend()));
        model.addAttribute("freeRecipients", Entitlements.FREE_CAMPAIGN_RECIPIENTS);
        return "campaign :: dry-run";
    }

    @PostMapping("/campaigns/{id}/start")
    String start(@PathVariable long id, HttpServletResponse response, Model model) {
        try {
            return act(id, () -> {
                CampaignView started = campaigns.start(id);
                return started.stateReason() != null
                        ? "Started; it waits: " + started.stateReason()
                        : "Started: " + started.total() + (started.total() == 1 ? " message" : " messages") + " queued.";
            }, response, model);
        } catch (CampaignNeedsLicence e) {
            // a notice that stays, with the way to the licence, instead of a toast that disappears
            model.addAttribute("campaign", campaigns.get(id));
            model.addAttribute("licenceRecipients", e.recipients());
            model.addAttribute("freeRecipients", Entitlements.FREE_CAMPAIGN_RECIPIENTS);
            return "campaign :: status";
        }
    }

    @PostMapping("/campaigns/{id}/pause")
    String pause(@PathVariable long id, HttpServletResponse response, Model model) {
        return act(id, () -> {
            campaigns.pause(id);
            return "Paused. Nothing more leaves until you resume.";
        }, response, model);
    }

    @PostMapping("/campaigns/{id}/resume")
    String resume(@PathVariable long id, HttpServletResponse response, Model model) {
        return act(id, () -> {
            campaigns.resume(id);
            return "Resumed.";
        }, response, model);
    }

    @PostMapping("/campaigns/{id}/cancel")
    String cancel(@PathVariable long id, HttpServletResponse response, Model model) {
        return act(id, () -> {
            CampaignView cancelled = campaigns.cancel(id);
            return "Cancelled. " + cancelled.sent() + " had already left; the rest will not be sent.";
        }, response, model);
    }

    @PostMapping("/campaigns/{id}/delete")
    String delete(@PathVariable long id, Model model) {
        CampaignView campaign = campaigns.get(id);
        if (campaign.state() == CampaignState.RUNNING) {
            model.addAttribute("toast", "Pause or cancel the campaign before deleting it.");
            model.addAttribute("toastLevel", "error");
            return show(id, null, null, model);
        }
        campaigns.delete(id);
        return "redirect:/campaigns?deleted";
    }

    private boolean allowed(int recipients) {
        Entitlements current = entitlements.getIfAvailable();
        // no licensing at hand: only what is free
        return current == null ? recipients <= Entitlements.FREE_CAMPAIGN_RECIPIENTS : current.allowsCampaignTo(recipients);
    }

    private String act(long id, Supplier<String> action, HttpServletResponse response, Model model) {
        try {
            Toasts.success(response, action.get());
        } catch (InvalidInputException e) {
            Toasts.error(response, e.getMessage());
            response.setStatus(422);
        }
        model.addAttribute("campaign", campaigns.get(id));
        return "campaign :: status";
    }

    private String rejected(Long id, String name, String tagExpression, String template, InvalidInputException e,
                            HttpServletResponse response, Model model) {
        // what was typed stays in the form, with the problem said in words
        response.setStatus(422);
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errorField", e.field());
        return form(id, name, tagExpression, template, model);
    }

    private String form(Long id, String name, String tagExpression, String template, Model model) {
        model.addAttribute("campaignId", id);
        model.addAttribute("pageTitle", id == null ? "New campaign" : "Edit campaign");
        model.addAttribute("name", name);
        model.addAttribute("tagExpression", tagExpression);
        model.addAttribute("template", template);
        model.addAttribute("templates", templates.list());
        model.addAttribute("tags", tags.list());
        return "campaign-form";
    }
}
