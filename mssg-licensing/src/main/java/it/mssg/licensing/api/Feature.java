package it.mssg.licensing.api;

/**
 * The features that need a licence. Everything not listed here keeps working without one, and the user's own
 * data (contacts, chats, messages, exports) is never locked.
 */
public enum Feature {
    /** A campaign to more recipients than {@link Entitlements#FREE_CAMPAIGN_RECIPIENTS}. */
    LARGE_CAMPAIGNS("Campaigns beyond " + Entitlements.FREE_CAMPAIGN_RECIPIENTS + " recipients"),
    /** The reply agent sending on its own, without the user approving each reply. */
    AGENT_AUTO_MODE("Reply agent in automatic mode");

    private final String description;

    Feature(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
