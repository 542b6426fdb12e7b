package it.mssg.agent.api;

import java.util.List;

/**
 * What the agent would do with a test message, and why.
 *
 * @param top           the best entries, best first, with scores on the {@code (cos + 1) / 2} scale
 * @param answerPreview the rendered answer when the outcome is SENT or SUGGESTED, else null
 * @param explanation   one sentence for the user
 */
public record MessageTestView(List<EntryScoreView> top, ReplyOutcome outcome, ReasonCode reason, boolean thresholdMet,
                              double threshold, double ambiguityMargin, Long chosenEntryId, String answerPreview,
                              String explanation) {
    public MessageTestView {
        top = List.copyOf(top);
    }

    public record EntryScoreView(long entryId, String title, double score, boolean keywordHit) {
    }
}
