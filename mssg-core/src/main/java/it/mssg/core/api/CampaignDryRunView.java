package it.mssg.core.api;

import java.time.Instant;
import java.util.List;

/**
 * A dry run: every contact the expression selects, what they would get or why they are skipped.
 *
 * @param eta when the governor would have sent them all if started now, or null when nothing would be sent
 */
public record CampaignDryRunView(long campaignId, List<Recipient> recipients, int toSend, int toSendCold,
                                 int skipped, Instant eta) {

    public CampaignDryRunView {
        recipients = List.copyOf(recipients);
    }

    /**
     * @param skipReason e.g. OPTED_OUT, MISSING_VALUE (CampaignPlan.SkipReason), or null when sent
     * @param text       the rendered message, or null when skipped; untrusted values inside: escape
     */
    public record Recipient(long contactId, String contactName, String recipientWaId, String text, String skipReason,
                            String detail, boolean cold) {
    }
}
