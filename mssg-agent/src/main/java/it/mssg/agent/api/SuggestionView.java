package it.mssg.agent.api;

import java.time.Instant;

/**
 * One suggested reply. {@code text} is ready to put in the reply box; it may contain the contact's name, which is
 * untrusted: escape it.
 *
 * @param source  an approved answer of the knowledge base, or a draft written by a language model
 * @param entryId the knowledge-base entry of an approved answer, else null
 * @param score   the entry's score, or 0 for a draft
 */
public record SuggestionView(long chatId, long messageId, Source source, Long entryId, String text, double score,
                             Instant createdAt) {

    public enum Source { APPROVED_ANSWER, DRAFT }
}
