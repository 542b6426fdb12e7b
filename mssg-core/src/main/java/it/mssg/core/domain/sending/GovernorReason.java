package it.mssg.core.domain.sending;

/** Why the governor decided what it decided; shown next to the message or recipient. */
public enum GovernorReason {
    OK("Allowed"),
    SPACING("Waiting a random pause after the previous message"),
    QUIET_HOURS("Quiet hours in your time zone"),
    CAP_MINUTE("Per-minute cap reached"),
    CAP_HOUR("Per-hour cap reached"),
    CAP_DAY("Daily cap reached"),
    WARM_UP_CAP("Warm-up cap of a recently linked number reached"),
    RECIPIENT_GAP("Too soon after the last message to this recipient"),
    DUPLICATE_TEXT("The same text went to this recipient within 24 hours"),
    COLD_BUDGET("Today's budget for contacts who never wrote to you is used up"),
    OPTED_OUT("The recipient opted out"),
    PAUSED_FAILURES("Paused after consecutive failed sends"),
    SESSION_NOT_READY("WhatsApp is not connected");

    private final String description;

    GovernorReason(String description) {
        this.description = description;
    }

    /** A short English sentence for screens and logs. */
    public String description() {
        return description;
    }
}
