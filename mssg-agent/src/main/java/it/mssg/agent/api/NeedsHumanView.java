package it.mssg.agent.api;

import java.time.Instant;

/** A chat (core's chat id) that needs a human, why, and since when. */
public record NeedsHumanView(long chatId, ReasonCode reason, Instant flaggedAt) {
}
