package it.mssg.agent.domain;

/**
 * How well one knowledge-base entry matches a message.
 *
 * @param score      on the embedding store's scale {@code (cosine + 1) / 2}, 0..1; a keyword hit scores 1
 * @param keywordHit true when one of the entry's exact keywords occurs in the message
 */
public record KnowledgeMatch(long entryId, double score, boolean keywordHit) {
    public KnowledgeMatch {
        if (Double.isNaN(score) || score < 0 || score > 1) {
            throw new IllegalArgumentException("score must be within 0..1: " + score);
        }
    }
}
