package it.mssg.agent.api;

/**
 * What became of one inbound message.
 * <ul>
 *   <li>{@code SENT}: an approved answer was handed to the outbox (AUTO mode)</li>
 *   <li>{@code SUGGESTED}: an approved answer was offered to the user (SUGGEST mode)</li>
 *   <li>{@code SUPPRESSED}: a confident answer was possible but a sending rule held it back</li>
 *   <li>{@code SKIPPED}: the agent does not handle this message at all</li>
 *   <li>{@code SILENCE}: the agent was not sure or the topic needs a human, so it said nothing</li>
 * </ul>
 */
public enum ReplyOutcome {
    SENT, SUGGESTED, SUPPRESSED, SKIPPED, SILENCE
}
