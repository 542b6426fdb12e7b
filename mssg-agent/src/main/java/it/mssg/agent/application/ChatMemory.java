package it.mssg.agent.application;

import java.time.Instant;

/**
 * What the agent remembers about one chat between messages: times only, never content.
 *
 * @param burstStartedAt  when the current burst of inbound messages began (WhatsApp's time of its first message)
 * @param answeredBurstAt the {@code burstStartedAt} of the last burst the agent answered
 * @param pendingEchoes automatic answers queued but not yet seen coming back as outbound messages; an outbound
 *                      message while none is pending was typed by a human
 */
public record ChatMemory(long chatId, Instant lastInboundAt, Instant burstStartedAt, Instant answeredBurstAt,
                         Instant lastAgentReplyAt, Instant lastManualReplyAt, int pendingEchoes) {

    public static ChatMemory empty(long chatId) {
        return new ChatMemory(chatId, null, null, null, null, null, 0);
    }

    ChatMemory inbound(Instant at, Instant burstStart) {
        return new ChatMemory(chatId, at, burstStart, answeredBurstAt, lastAgentReplyAt, lastManualReplyAt, pendingEchoes);
    }

    ChatMemory agentReplied(Instant at) {
        return new ChatMemory(chatId, lastInboundAt, burstStartedAt, burstStartedAt, at, lastManualReplyAt, pendingEchoes + 1);
    }

    /** An outbound message appeared: our own answer's echo if one is pending, else a human's reply. */
    ChatMemory outbound(Instant at) {
        if (pendingEchoes > 0) {
            return new ChatMemory(chatId, lastInboundAt, burstStartedAt, answeredBurstAt, lastAgentReplyAt, lastManualReplyAt, pendingEchoes - 1);
        }
        return new ChatMemory(chatId, lastInboundAt, burstStartedAt, answeredBurstAt, lastAgentReplyAt, at, 0);
    }
}
