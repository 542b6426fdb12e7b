package it.mssg.core.domain.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides what an UNCERTAIN entry (found SENDING at start-up, or the gateway failed mid-send) really is, from
 * the chat's recent messages as WhatsApp reports them.
 *
 * <p>Rule: the entry was SENT if the chat holds a message from us whose normalised text has the entry's
 * fingerprint, sent no earlier than the attempt started minus {@link #CLOCK_TOLERANCE}, and not already claimed
 * by another outbox entry; the earliest such message is taken. It goes back to QUEUED only when the messages
 * looked at reach back before that point (or the chat has no older messages) and none matches; otherwise the
 * caller must fetch more of the chat and ask again.
 */
public final class Reconciliation {

    /** WhatsApp's timestamps come from its server (seconds); ours from this machine. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

    private Reconciliation() {
    }

    /**
     * @param waMessageId WhatsApp's serialized id
     * @param fromMe      sent by this account
     * @param sentAt      WhatsApp's timestamp
     */
    public record ChatMessage(String waMessageId, boolean fromMe, String body, Instant sentAt) {
        public ChatMessage {
            Objects.requireNonNull(waMessageId, "waMessageId");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }

    public enum Outcome { SENT, REQUEUE, FETCH_MORE }

    /** @param waMessageId the matching message when {@code outcome} is SENT, else null */
    public record Result(Outcome outcome, String waMessageId) {
    }

    /**
     * @param textFingerprint     {@link TextFingerprint#of} of the entry's text
     * @param attemptStartedAt    when the entry went to SENDING
     * @param recentMessages      the chat's latest messages, any order
     * @param chatHasOlderMessages whether the chat holds messages older than the ones given
     * @param claimedMessageIds   ids already linked to other outbox entries
     */
    public static Result reconcile(long textFingerprint, Instant attemptStartedAt,
                                   List<ChatMessage> recentMessages, boolean chatHasOlderMessages,
                                   Collection<String> claimedMessageIds) {
        Instant from = attemptStartedAt.minus(CLOCK_TOLERANCE);
        Set<String> claimed = Set.copyOf(claimedMessageIds);
        ChatMessage match = null;
        boolean reachesBack = !chatHasOlderMessages;
        for (ChatMessage message : recentMessages) {
            if (message.sentAt().isBefore(from)) {
                reachesBack = true;
                continue;
            }
            if (message.fromMe() && !claimed.contains(message.waMessageId())
                    && TextFingerprint.of(message.body()) == textFingerprint
                    && (match == null || message.sentAt().isBefore(match.sentAt()))) {
                match = message;
            }
        }
        if (match != null) {
            return new Result(Outcome.SENT, match.waMessageId());
        }
        return new Result(reachesBack ? Outcome.REQUEUE : Outcome.FETCH_MORE, null);
    }
}
