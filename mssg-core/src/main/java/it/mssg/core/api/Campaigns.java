package it.mssg.core.api;

import java.util.List;

/**
 * Campaigns: one template to the contacts a tag expression selects, opted-out contacts excluded. Starting
 * enqueues one outbox entry per recipient (idempotent: starting twice, or after a crash, adds nobody twice);
 * the send loop sends them through the governor while the campaign is RUNNING.
 */
public interface Campaigns {

    List<CampaignView> list();

    /** @throws NotFoundException unknown id */
    CampaignView get(long id);

    /** @throws InvalidInputException bad name, tag expression or template */
    CampaignView create(CampaignDraft draft);

    /** Only a DRAFT can be changed. @throws ConflictException otherwise */
    CampaignView update(long id, CampaignDraft draft);

    /** Deletes a campaign that is not RUNNING, with its unsent entries. */
    void delete(long id);

    /** Who would get what, who is skipped and why, and the governor's estimate of the finish. */
    CampaignDryRunView dryRun(long id);

    /**
     * Enqueues the recipients and starts. A campaign started while WhatsApp is not connected is queued and waits
     * (its entries show SESSION_NOT_READY). @throws InvalidInputException when it would send nothing
     */
    CampaignView start(long id);

    CampaignView pause(long id);

    CampaignView resume(long id);

    /** Cancels every entry that has not left. */
    CampaignView cancel(long id);

    /** Recipients with their status (the campaign's outbox entries), in the order they were queued. */
    PageView<OutboxEntryView> recipients(long id, Paging paging);
}
