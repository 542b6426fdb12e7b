package it.mssg.agent.domain;

import java.time.Instant;

/**
 * What the decision needs to know about one message. The text stays in memory for the decision only.
 *
 * @param live   true when the message arrived just now, false when a history sync found it
 * @param sentAt when WhatsApp says the message was sent
 */
public record MessageFacts(boolean groupChat, boolean inbound, boolean live, Instant sentAt, String text) {
    public MessageFacts {
        if (sentAt == null) throw new IllegalArgumentException("sentAt is required");
        text = text == null ? "" : text;
    }

    @Override
    public String toString() {
        // never let the text reach a log line by accident
        return "MessageFacts[groupChat=" + groupChat + ", inbound=" + inbound + ", live=" + live
                + ", sentAt=" + sentAt + ", text=<" + text.length() + " chars>]";
    }
}
