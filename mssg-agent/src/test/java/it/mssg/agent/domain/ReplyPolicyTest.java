package it.mssg.agent.domain;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.ReplyOutcome;
import it.mssg.agent.api.ReasonCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static it.mssg.agent.api.AgentMode.AUTO;
import static it.mssg.agent.api.AgentMode.OFF;
import static it.mssg.agent.api.AgentMode.SUGGEST;
import static it.mssg.agent.api.ReasonCode.*;
import static it.mssg.agent.api.ReplyOutcome.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Decision table: one baseline that answers, and one row per gate or boundary that changes a single fact. */
class ReplyPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final ZoneId ROME = ZoneId.of("Europe/Rome"); // 11:00 local at NOW

    record Scenario(MessageFacts message, List<KnowledgeMatch> matches, ContactState contact, AgentSettings settings) {
        Scenario message(UnaryOperator<MessageFacts> f) { return new Scenario(f.apply(message), matches, contact, settings); }
        Scenario withMatches(KnowledgeMatch... m) { return new Scenario(message, List.of(m), contact, settings); }
        Scenario contact(UnaryOperator<ContactState> f) { return new Scenario(message, matches, f.apply(contact), settings); }
        Scenario settings(UnaryOperator<AgentSettings> f) { return new Scenario(message, matches, contact, f.apply(settings)); }
    }

    static AgentSettings settings(AgentMode defaultMode) {
        return new AgentSettings(0.80, 0.03, defaultMode, Duration.ofMinutes(30),
                new ResponseWindow(LocalTime.of(8, 0), LocalTime.of(20, 0), ROME), 3, Duration.ofMinutes(2),
                Duration.ofMinutes(15), List.of("refund", "lawyer", "complaint"));
    }

    static Scenario baseline(AgentMode mode) {
        return new Scenario(
                new MessageFacts(false, true, true, NOW.minusSeconds(5), "what time do you open?"),
                List.of(new KnowledgeMatch(1, 0.90, false), new KnowledgeMatch(2, 0.70, false)),
                new ContactState(true, false, null, List.of(), null, null, 0, NOW.minusSeconds(5)),
                settings(mode));
    }

    static MessageFacts text(MessageFacts m, String text) { return new MessageFacts(m.groupChat(), m.inbound(), m.live(), m.sentAt(), text); }
    static MessageFacts sentAt(MessageFacts m, Instant at) { return new MessageFacts(m.groupChat(), m.inbound(), m.live(), at, m.text()); }
    static ContactState modes(ContactState c, AgentMode contactMode, List<AgentMode> tagModes) {
        return new ContactState(c.known(), c.optedOut(), contactMode, tagModes, c.lastManualReplyAt(), c.answeredBurstAt(), c.agentRepliesToday(), c.burstStartedAt());
    }
    static ContactState history(ContactState c, Instant manual, Instant answeredBurst, int today, Instant burst) {
        return new ContactState(c.known(), c.optedOut(), c.contactMode(), c.tagModes(), manual, answeredBurst, today, burst);
    }
    static AgentSettings window(AgentSettings s, ResponseWindow w) {
        return new AgentSettings(s.threshold(), s.ambiguityMargin(), s.defaultMode(), s.takeoverPause(), w, s.dailyReplyLimit(), s.burstGap(), s.staleAfter(), s.blockedTopics());
    }
    static AgentSettings blocked(AgentSettings s, List<String> topics) {
        return new AgentSettings(s.threshold(), s.ambiguityMargin(), s.defaultMode(), s.takeoverPause(), s.responseWindow(), s.dailyReplyLimit(), s.burstGap(), s.staleAfter(), topics);
    }

    static Stream<Arguments> table() {
        Scenario auto = baseline(AUTO);
        Scenario suggest = baseline(SUGGEST);
        return Stream.of(
                arguments("baseline AUTO answers", auto, SENT, MATCHED, true),
                arguments("baseline SUGGEST suggests", suggest, SUGGESTED, MATCHED, true),
                // 0: what is not an inbound text
                arguments("outbound", auto.message(m -> new MessageFacts(false, false, true, m.sentAt(), m.text())), SKIPPED, NOT_INBOUND, true),
                arguments("media without text", auto.message(m -> text(m, "  ")), SKIPPED, NO_TEXT, true),
                // 1: group
                arguments("group chat", auto.message(m -> new MessageFacts(true, true, true, m.sentAt(), m.text())), SKIPPED, GROUP_CHAT, true),
                // 2: contact
                arguments("unknown contact", auto.contact(c -> new ContactState(false, false, null, List.of(), null, null, 0, null)), SKIPPED, UNKNOWN_CONTACT, true),
                arguments("opted out", auto.contact(c -> new ContactState(true, true, null, List.of(), null, null, 0, null)), SKIPPED, OPTED_OUT, true),
                // 3: mode: contact over tag over default
                arguments("default OFF", baseline(OFF), SKIPPED, MODE_OFF, true),
                arguments("tag OFF beats default AUTO", auto.contact(c -> modes(c, null, List.of(OFF))), SKIPPED, MODE_OFF, true),
                arguments("tag SUGGEST beats default AUTO", auto.contact(c -> modes(c, null, List.of(SUGGEST))), SUGGESTED, MATCHED, true),
                arguments("tag AUTO beats default OFF", baseline(OFF).contact(c -> modes(c, null, List.of(AUTO))), SENT, MATCHED, true),
                arguments("most cautious of two tags", auto.contact(c -> modes(c, null, List.of(AUTO, SUGGEST))), SUGGESTED, MATCHED, true),
                arguments("contact AUTO beats tag OFF", baseline(OFF).contact(c -> modes(c, AUTO, List.of(OFF))), SENT, MATCHED, true),
                arguments("contact OFF beats tag AUTO", auto.contact(c -> modes(c, OFF, List.of(AUTO))), SKIPPED, MODE_OFF, true),
                // 4: human takeover, boundary at exactly the end of the pause
                arguments("manual reply 29 min ago", auto.contact(c -> history(c, NOW.minus(Duration.ofMinutes(29)), null, 0, c.burstStartedAt())), SUPPRESSED, HUMAN_TAKEOVER, true),
                arguments("manual reply 30 min ago: pause over", auto.contact(c -> history(c, NOW.minus(Duration.ofMinutes(30)), null, 0, c.burstStartedAt())), SENT, MATCHED, true),
                arguments("manual reply does not stop a suggestion", suggest.contact(c -> history(c, NOW.minusSeconds(60), null, 0, c.burstStartedAt())), SUGGESTED, MATCHED, true),
                // 5: response window in Europe/Rome (NOW is 11:00 there)
                arguments("window opens at 11:00", auto.settings(s -> window(s, new ResponseWindow(LocalTime.of(11, 0), LocalTime.of(12, 0), ROME))), SENT, MATCHED, true),
                arguments("window closed at 11:00", auto.settings(s -> window(s, new ResponseWindow(LocalTime.of(9, 0), LocalTime.of(11, 0), ROME))), SUPPRESSED, OUTSIDE_RESPONSE_WINDOW, true),
                arguments("window in UTC 10:00 is open at 10:00Z", auto.settings(s -> window(s, new ResponseWindow(LocalTime.of(10, 0), LocalTime.of(10, 1), ZoneId.of("UTC")))), SENT, MATCHED, true),
                arguments("overnight window 20-02 is closed", auto.settings(s -> window(s, new ResponseWindow(LocalTime.of(20, 0), LocalTime.of(2, 0), ROME))), SUPPRESSED, OUTSIDE_RESPONSE_WINDOW, true),
                arguments("overnight window 10-09 is open", auto.settings(s -> window(s, new ResponseWindow(LocalTime.of(10, 0), LocalTime.of(9, 0), ROME))), SENT, MATCHED, true),
                arguments("closed window does not stop a suggestion", suggest.settings(s -> window(s, new ResponseWindow(LocalTime.of(20, 0), LocalTime.of(2, 0), ROME))), SUGGESTED, MATCHED, true),
                // 6: daily reply limit (3)
                arguments("2 replies today", auto.contact(c -> history(c, null, NOW.minus(Duration.ofHours(1)), 2, c.burstStartedAt())), SENT, MATCHED, true),
                arguments("3 replies today", auto.contact(c -> history(c, null, NOW.minus(Duration.ofHours(1)), 3, c.burstStartedAt())), SUPPRESSED, DAILY_REPLY_LIMIT, true),
                // 7: burst debounce
                arguments("agent answered this burst", auto.contact(c -> history(c, null, NOW.minusSeconds(60), 1, NOW.minusSeconds(60))), SUPPRESSED, BURST_DEBOUNCE, true),
                arguments("agent answered the previous burst", auto.contact(c -> history(c, null, NOW.minusSeconds(600), 1, NOW.minusSeconds(60))), SENT, MATCHED, true),
                arguments("agent never answered", auto.contact(c -> history(c, null, null, 0, NOW.minusSeconds(60))), SENT, MATCHED, true),
                // 8: stale backlog (15 min)
                arguments("history sync", auto.message(m -> new MessageFacts(false, true, false, m.sentAt(), m.text())), SKIPPED, STALE_BACKLOG, true),
                arguments("exactly 15 min old", auto.message(m -> sentAt(m, NOW.minus(Duration.ofMinutes(15)))), SENT, MATCHED, true),
                arguments("15 min 1 s old", auto.message(m -> sentAt(m, NOW.minus(Duration.ofMinutes(15)).minusSeconds(1))), SKIPPED, STALE_BACKLOG, true),
                arguments("stale in SUGGEST too", suggest.message(m -> sentAt(m, NOW.minus(Duration.ofHours(3)))), SKIPPED, STALE_BACKLOG, true),
                // 9: blocked topics, whole words, any case and accents
                arguments("refund", auto.message(m -> text(m, "I want a REFUND, I'll call my lawyer")), SILENCE, BLOCKED_TOPIC, true),
                arguments("refund in SUGGEST", suggest.message(m -> text(m, "refund please")), SILENCE, BLOCKED_TOPIC, true),
                arguments("refunded is another word", auto.message(m -> text(m, "you refunded me, thanks")), SENT, MATCHED, true),
                arguments("accented phrase", auto.settings(s -> blocked(s, List.of("reclamação"))).message(m -> text(m, "Tenho uma RECLAMACAO")), SILENCE, BLOCKED_TOPIC, true),
                arguments("blocked topic wins over a perfect keyword match", auto.withMatches(new KnowledgeMatch(1, 1.0, true)).message(m -> text(m, "complaint about opening hours")), SILENCE, BLOCKED_TOPIC, true),
                // 10: threshold 0.80 and margin 0.03
                arguments("no knowledge", auto.withMatches(), SILENCE, NO_KNOWLEDGE, false),
                arguments("top exactly at threshold", auto.withMatches(new KnowledgeMatch(1, 0.80, false), new KnowledgeMatch(2, 0.70, false)), SENT, MATCHED, true),
                arguments("top just below threshold", auto.withMatches(new KnowledgeMatch(1, 0.7999, false), new KnowledgeMatch(2, 0.70, false)), SILENCE, BELOW_THRESHOLD, false),
                arguments("margin exactly 0.03", auto.withMatches(new KnowledgeMatch(1, 0.85, false), new KnowledgeMatch(2, 0.82, false)), SENT, MATCHED, true),
                arguments("margin 0.0299", auto.withMatches(new KnowledgeMatch(1, 0.8499, false), new KnowledgeMatch(2, 0.82, false)), SILENCE, AMBIGUOUS, true),
                arguments("two keyword hits are ambiguous", auto.withMatches(new KnowledgeMatch(1, 1.0, true), new KnowledgeMatch(2, 1.0, true)), SILENCE, AMBIGUOUS, true),
                arguments("single entry needs no margin", auto.withMatches(new KnowledgeMatch(7, 0.81, false)), SENT, MATCHED, true),
                arguments("unsorted input is ranked", auto.withMatches(new KnowledgeMatch(2, 0.70, false), new KnowledgeMatch(1, 0.90, false)), SENT, MATCHED, true),
                arguments("below threshold in SUGGEST", suggest.withMatches(new KnowledgeMatch(1, 0.60, false)), SILENCE, BELOW_THRESHOLD, false)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, Scenario s, ReplyOutcome outcome, ReasonCode reason, boolean thresholdMet) {
        ReplyDecision d = ReplyPolicy.decide(s.message(), s.matches(), s.contact(), s.settings(), NOW);

        assertThat(d.outcome()).as("outcome").isEqualTo(outcome);
        assertThat(d.reason()).as("reason").isEqualTo(reason);
        assertThat(d.thresholdMet()).as("threshold met").isEqualTo(thresholdMet);
        if (outcome == SENT || outcome == SUGGESTED) {
            assertThat(d.chosenEntryId()).isEqualTo(s.matches().stream()
                    .max(java.util.Comparator.comparingDouble(KnowledgeMatch::score)).orElseThrow().entryId());
        } else {
            assertThat(d.chosenEntryId()).isNull();
        }
        assertThat(d.needsHuman()).isEqualTo(reason == BLOCKED_TOPIC);
    }

    @Test
    void gatesRunInOrderSoTheFirstFailingOneIsReported() {
        Scenario everythingWrong = baseline(AUTO)
                .contact(c -> history(c, NOW.minusSeconds(10), NOW.minusSeconds(20), 99, NOW.minusSeconds(20)))
                .message(m -> new MessageFacts(false, true, false, NOW.minus(Duration.ofDays(1)), "refund"))
                .settings(s -> window(s, new ResponseWindow(LocalTime.of(20, 0), LocalTime.of(2, 0), ROME)))
                .withMatches(new KnowledgeMatch(1, 0.1, false));

        assertThat(decide(everythingWrong).reason()).isEqualTo(HUMAN_TAKEOVER);
        assertThat(decide(everythingWrong.contact(c -> history(c, null, NOW.minusSeconds(20), 99, NOW.minusSeconds(20)))).reason())
                .isEqualTo(OUTSIDE_RESPONSE_WINDOW);
        assertThat(decide(everythingWrong.message(m -> new MessageFacts(true, true, false, m.sentAt(), m.text()))).reason())
                .isEqualTo(GROUP_CHAT);
    }

    @Test
    void scoresAreReportedEvenWhenAGateStopsTheAnswer() {
        ReplyDecision d = decide(baseline(AUTO).message(m -> new MessageFacts(true, true, true, m.sentAt(), m.text())));
        assertThat(d.topScore()).isEqualTo(0.90);
        assertThat(d.margin()).isCloseTo(0.20, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(d.thresholdMet()).isTrue();
    }

    private static ReplyDecision decide(Scenario s) {
        return ReplyPolicy.decide(s.message(), s.matches(), s.contact(), s.settings(), NOW);
    }
}
