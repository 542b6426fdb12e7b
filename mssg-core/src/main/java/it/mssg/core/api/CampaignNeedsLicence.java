package it.mssg.core.api;

/** A campaign would reach more recipients than the licence allows; nothing was queued (web: 403, a licence notice). */
public class CampaignNeedsLicence extends RuntimeException {

    private final int recipients;

    public CampaignNeedsLicence(int recipients) {
        super("This campaign would go to " + recipients + " people, more than the licence allows; nothing was queued.");
        this.recipients = recipients;
    }

    public int recipients() {
        return recipients;
    }
}
