package it.mssg.core.domain.sending;

import java.time.Instant;
import java.util.Objects;

/**
 * What the governor needs to know about one outbox entry and its recipient, as of now.
 *
 * @param recipient       the recipient's key, the same key {@link SendHistory} is filled with (e.g. the WhatsApp id)
 * @param purpose         why the message is sent
 * @param textFingerprint {@link TextFingerprint#of} of the rendered text
 * @param lastInboundAt   when the recipient last wrote to us; null if never (a cold contact)
 * @param optedOutAt      when the recipient opted out; null if not opted out
 * @param sessionReady    whether the WhatsApp session is READY
 */
public record SendRequestFacts(String recipient, MessagePurpose purpose, long textFingerprint,
                               Instant lastInboundAt, Instant optedOutAt, boolean sessionReady) {

    public SendRequestFacts {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** Never wrote to us: the riskiest kind of recipient. */
    public boolean cold() {
        return lastInboundAt == null;
    }
}
