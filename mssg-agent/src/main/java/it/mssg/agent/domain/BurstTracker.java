package it.mssg.agent.domain;

import java.time.Duration;
import java.time.Instant;

/** Groups inbound messages of a chat into bursts: a gap longer than {@code burstGap} starts a new one. */
public final class BurstTracker {

    private BurstTracker() {
    }

    /**
     * @param burstStartedAt when the chat's current burst began, or null for the first message
     * @param lastInboundAt  when the previous inbound message was sent, or null
     * @return when the burst that {@code messageAt} belongs to began
     */
    public static Instant burstStart(Instant burstStartedAt, Instant lastInboundAt, Instant messageAt, Duration burstGap) {
        if (burstStartedAt == null || lastInboundAt == null) return messageAt;
        if (messageAt.isBefore(lastInboundAt)) return burstStartedAt; // out of order: still the same burst
        return Duration.between(lastInboundAt, messageAt).compareTo(burstGap) > 0 ? messageAt : burstStartedAt;
    }
}
