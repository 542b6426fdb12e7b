package it.mssg.core.api;

import java.time.Instant;

/** A campaign changed state or sent one more message; the progress bar and ETA, for SSE. */
public record CampaignProgressChanged(long campaignId, CampaignState state, long total, long sent, long pending,
                                      Instant eta) {
}
