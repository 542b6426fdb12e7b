package it.mssg.web.replies;

import it.mssg.core.api.CampaignProgressChanged;
import it.mssg.core.api.OutboxEntryChanged;
import it.mssg.web.layout.LiveUpdates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Outbox and campaign changes as triggers on the dashboard's live stream: {@code outbox-changed} (the reply box's
 * ticks, the send budget) and {@code campaign-progress} (progress bars). Pages fetch what changed themselves.
 */
@Component
class SendingLiveUpdates {

    private final LiveUpdates live;

    SendingLiveUpdates(LiveUpdates live) {
        this.live = live;
    }

    @EventListener
    void on(OutboxEntryChanged event) {
        live.send("outbox-changed", String.valueOf(event.entryId()));
    }

    @EventListener
    void on(CampaignProgressChanged event) {
        live.send("campaign-progress", String.valueOf(event.campaignId()));
    }
}
