package it.mssg.licensing.api;

/** Which licensed features are open now. Asked by campaigns, the agent and the web before they start such work. */
public interface Entitlements {

    /** Campaigns up to this many recipients never need a licence. */
    int FREE_CAMPAIGN_RECIPIENTS = 50;

    boolean allows(Feature feature);

    /** Whether a campaign to this many recipients may start. */
    default boolean allowsCampaignTo(int recipients) {
        return recipients <= FREE_CAMPAIGN_RECIPIENTS || allows(Feature.LARGE_CAMPAIGNS);
    }
}
