package it.mssg.core.domain.sending;

/**
 * Why a message is being sent. The governor treats answers to a contact differently from messages we start:
 * WhatsApp's spam signals are about unsolicited volume, and a person who just wrote expects an answer.
 */
public enum MessagePurpose {
    /** Typed by the user in the reply box (or a quick reply). */
    REPLY(true, false),
    /** Written by the reply agent in answer to an inbound message. */
    AGENT_REPLY(true, true),
    /** The confirmation sent after an inbound opt-out keyword. */
    OPT_OUT_CONFIRMATION(true, true),
    /** A message the user scheduled for a time. */
    SCHEDULED(false, true),
    /** A follow-up message sent automatically (e.g. a campaign's next step); Home's reminders send nothing. */
    FOLLOW_UP(false, true),
    /** One recipient's message of a campaign. */
    CAMPAIGN(false, true);

    private final boolean responsive;
    private final boolean duplicateChecked;

    MessagePurpose(boolean responsive, boolean duplicateChecked) {
        this.responsive = responsive;
        this.duplicateChecked = duplicateChecked;
    }

    /**
     * An answer to the contact: may reach an opted-out contact who wrote, ignores the recipient gap, and quiet hours
     * when the contact has written before (a first message to someone who never wrote waits for the morning).
     */
    public boolean responsive() {
        return responsive;
    }

    /** Started by us, not by the contact: quiet hours and the per-recipient gap always apply. */
    public boolean automated() {
        return !responsive;
    }

    /**
     * Whether the same text to the same recipient within the duplicate window is refused. A person typing "ok"
     * twice in a day is human; automation repeating itself is the ban signal and the bug this rule catches, so
     * only the hand-typed reply is exempt (a double click is caught by the idempotency key instead).
     */
    public boolean duplicateChecked() {
        return duplicateChecked;
    }
}
