package it.mssg.agent.domain;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.ReplyOutcome;
import it.mssg.agent.api.ReasonCode;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The agent's decision as a pure function. Gates run in this order and the first that applies decides:
 * <ol>
 *   <li>not an inbound text message → SKIPPED</li>
 *   <li>group chat → SKIPPED</li>
 *   <li>unknown or opted-out contact → SKIPPED</li>
 *   <li>mode OFF (contact's mode over its tags' over the default) → SKIPPED</li>
 *   <li>AUTO only: human takeover, response window, daily reply limit, burst debounce → SUPPRESSED. These
 *       guard what the agent sends by itself; a suggestion only appears in front of the user, so they do
 *       not hold one back.</li>
 *   <li>stale backlog (not live, or older than {@code staleAfter}) → SKIPPED</li>
 *   <li>blocked topic → SILENCE, and the chat needs a human</li>
 *   <li>no knowledge, top score below threshold, or top-two margin below the ambiguity margin → SILENCE</li>
 *   <li>otherwise SENT (AUTO) or SUGGESTED (SUGGEST) with the best entry, which is always an approved answer
 *       of the knowledge base</li>
 * </ol>
 * Scores are compared with a tolerance of {@value #EPSILON} so that boundaries written in settings (0.80, 0.03)
 * behave as written despite floating-point subtraction.
 */
public final class ReplyPolicy {

    static final double EPSILON = 1e-9;

    private ReplyPolicy() {
    }

    public static ReplyDecision decide(MessageFacts message, List<KnowledgeMatch> matches, ContactState contact,
                                       AgentSettings settings, Instant now) {
        List<KnowledgeMatch> ranked = matches.stream()
                .sorted(Comparator.comparingDouble(KnowledgeMatch::score).reversed()).toList();
        double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
        double second = ranked.size() < 2 ? 0 : ranked.get(1).score();
        double margin = top - second;
        boolean thresholdMet = !ranked.isEmpty() && top + EPSILON >= settings.threshold();
        Verdict v = new Verdict(thresholdMet, top, margin);

        if (!message.inbound()) return v.of(ReplyOutcome.SKIPPED, ReasonCode.NOT_INBOUND);
        if (message.text().isBlank()) return v.of(ReplyOutcome.SKIPPED, ReasonCode.NO_TEXT);
        if (message.groupChat()) return v.of(ReplyOutcome.SKIPPED, ReasonCode.GROUP_CHAT);
        if (!contact.known()) return v.of(ReplyOutcome.SKIPPED, ReasonCode.UNKNOWN_CONTACT);
        if (contact.optedOut()) return v.of(ReplyOutcome.SKIPPED, ReasonCode.OPTED_OUT);

        AgentMode mode = contact.effectiveMode(settings.defaultMode());
        if (mode == AgentMode.OFF) return v.of(ReplyOutcome.SKIPPED, ReasonCode.MODE_OFF);

        if (mode == AgentMode.AUTO) {
            if (contact.lastManualReplyAt() != null
                    && now.isBefore(contact.lastManualReplyAt().plus(settings.takeoverPause()))) {
                return v.of(ReplyOutcome.SUPPRESSED, ReasonCode.HUMAN_TAKEOVER);
            }
            if (!settings.responseWindow().isOpen(now)) {
                return v.of(ReplyOutcome.SUPPRESSED, ReasonCode.OUTSIDE_RESPONSE_WINDOW);
            }
            if (contact.agentRepliesToday() >= settings.dailyReplyLimit()) {
                return v.of(ReplyOutcome.SUPPRESSED, ReasonCode.DAILY_REPLY_LIMIT);
            }
            // bursts are compared by their first message's time, so WhatsApp's clock and ours never mix
            if (contact.answeredBurstAt() != null && contact.answeredBurstAt().equals(contact.burstStartedAt())) {
                return v.of(ReplyOutcome.SUPPRESSED, ReasonCode.BURST_DEBOUNCE);
            }
        }

        if (!message.live() || Duration.between(message.sentAt(), now).compareTo(settings.staleAfter()) > 0) {
            return v.of(ReplyOutcome.SKIPPED, ReasonCode.STALE_BACKLOG);
        }
        if (TextRules.firstHit(message.text(), settings.blockedTopics()).isPresent()) {
            return v.of(ReplyOutcome.SILENCE, ReasonCode.BLOCKED_TOPIC);
        }
        if (ranked.isEmpty()) return v.of(ReplyOutcome.SILENCE, ReasonCode.NO_KNOWLEDGE);
        if (!thresholdMet) return v.of(ReplyOutcome.SILENCE, ReasonCode.BELOW_THRESHOLD);
        if (ranked.size() > 1 && margin + EPSILON < settings.ambiguityMargin()) {
            return v.of(ReplyOutcome.SILENCE, ReasonCode.AMBIGUOUS);
        }
        ReplyOutcome answer = mode == AgentMode.AUTO ? ReplyOutcome.SENT : ReplyOutcome.SUGGESTED;
        return new ReplyDecision(answer, ReasonCode.MATCHED, true, ranked.get(0).entryId(), top, margin);
    }

    private record Verdict(boolean thresholdMet, double top, double margin) {
        ReplyDecision of(ReplyOutcome outcome, ReasonCode reason) {
            return new ReplyDecision(outcome, reason, thresholdMet, null, top, margin);
        }
    }
}
