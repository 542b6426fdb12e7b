package it.mssg.agent.domain;

import it.mssg.agent.api.ReplyOutcome;
import it.mssg.agent.api.ReasonCode;

/**
 * The agent's verdict on one message.
 *
 * @param thresholdMet  the best entry reached the threshold (false when no scores were computed)
 * @param chosenEntryId the knowledge-base entry to send or suggest; null unless SENT or SUGGESTED
 * @param topScore      the best score, or 0 when no scores were computed
 * @param margin        the best score minus the second best (the best score when there is one entry)
 */
public record ReplyDecision(ReplyOutcome outcome, ReasonCode reason, boolean thresholdMet, Long chosenEntryId,
                            double topScore, double margin) {

    public ReplyDecision {
        if (outcome == null || reason == null) throw new IllegalArgumentException("outcome and reason are required");
        boolean answers = outcome == ReplyOutcome.SENT || outcome == ReplyOutcome.SUGGESTED;
        if (answers != (chosenEntryId != null)) {
            throw new IllegalArgumentException("an entry is chosen exactly when the outcome is SENT or SUGGESTED");
        }
    }

    /** The chat should appear on the "needs a human" list. */
    public boolean needsHuman() {
        return reason == ReasonCode.BLOCKED_TOPIC || reason == ReasonCode.ANSWER_UNUSABLE;
    }

    /** The same scores, but the answering step turned the decision into SILENCE for {@code why}. */
    public ReplyDecision silencedBecause(ReasonCode why) {
        return new ReplyDecision(ReplyOutcome.SILENCE, why, thresholdMet, null, topScore, margin);
    }

    /** The same decision, but the sending step turned it into SUPPRESSED for {@code why}. */
    public ReplyDecision suppressedBecause(ReasonCode why) {
        return new ReplyDecision(ReplyOutcome.SUPPRESSED, why, thresholdMet, null, topScore, margin);
    }
}
