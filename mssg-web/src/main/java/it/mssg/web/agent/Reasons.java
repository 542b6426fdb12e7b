package it.mssg.web.agent;

import it.mssg.agent.api.ReasonCode;

/** The agent's reason codes as short sentences for screens. */
final class Reasons {

    private Reasons() {
    }

    static String sentence(ReasonCode reason) {
        if (reason == null) return "";
        return switch (reason) {
            case MATCHED -> "An approved answer matched.";
            case NOT_INBOUND -> "Our own message.";
            case NO_TEXT -> "No text to read (media or empty).";
            case GROUP_CHAT -> "Group chats are not answered.";
            case UNKNOWN_CONTACT -> "The sender is not a contact.";
            case OPTED_OUT -> "The contact opted out.";
            case MODE_OFF -> "The agent is off for this chat.";
            case HUMAN_TAKEOVER -> "Someone replied by hand recently.";
            case OUTSIDE_RESPONSE_WINDOW -> "Outside the response hours.";
            case DAILY_REPLY_LIMIT -> "The daily limit for this contact was reached.";
            case BURST_DEBOUNCE -> "Already answered in this burst of messages.";
            case STALE_BACKLOG -> "The message is too old.";
            case BLOCKED_TOPIC -> "It touches a topic only a human should answer.";
            case NO_KNOWLEDGE -> "The knowledge base has no enabled answer.";
            case MATCHING_FAILED -> "The matching model is not available.";
            case BELOW_THRESHOLD -> "No answer was close enough.";
            case AMBIGUOUS -> "Two answers were too close to tell apart.";
            case ANSWER_UNUSABLE -> "The matching answer could not be filled in completely (a missing value or a mistake in it).";
            case NO_SENDER -> "Automatic answers have no way out.";
            case SEND_REFUSED -> "The outbox refused the answer.";
            case AUTO_NOT_LICENSED -> "Automatic mode needs a licence: offered as a suggestion instead.";
        };
    }
}
