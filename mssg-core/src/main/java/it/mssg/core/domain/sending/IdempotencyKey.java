package it.mssg.core.domain.sending;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The key that makes one logical message one outbox entry: a unique column in the outbox, so a second insert
 * with the same key (a double click, a retried request, a campaign step run twice after a crash) finds the
 * first entry instead of making another message.
 *
 * <p>Rule: SHA-256 over the source, the source's id, the recipient and the logical id, each length-prefixed so
 * no two different tuples can produce the same input. Sources choose the logical id: the reply box sends a
 * client-made UUID per composed message (a double click repeats it), a campaign uses its step, a schedule
 * its occurrence time.
 */
public record IdempotencyKey(String value) {

    public enum Source { REPLY_BOX, API, SCHEDULE, FOLLOW_UP, CAMPAIGN, AGENT, OPT_OUT }

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an idempotency key is 64 lower-case hex digits");
        }
    }

    public static IdempotencyKey of(Source source, String sourceId, String recipient, String logicalId) {
        Objects.requireNonNull(source, "source");
        StringBuilder input = new StringBuilder("v1");
        for (String part : new String[]{source.name(), sourceId, recipient, logicalId}) {
            if (part == null || part.isBlank()) {
                throw new IllegalArgumentException("idempotency key parts must not be blank");
            }
            input.append('|').append(part.length()).append(':').append(part);
        }
        byte[] digest = TextFingerprint.sha256(input.toString().getBytes(StandardCharsets.UTF_8));
        return new IdempotencyKey(HexFormat.of().formatHex(digest));
    }
}
