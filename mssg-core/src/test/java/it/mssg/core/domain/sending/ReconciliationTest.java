package it.mssg.core.domain.sending;

import it.mssg.core.domain.sending.Reconciliation.ChatMessage;
import it.mssg.core.domain.sending.Reconciliation.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTest {

    private static final Instant ATTEMPT = Instant.parse("2026-12-02T09:00:00Z");
    private static final long TEXT = TextFingerprint.of("Hello Mario, see you Friday");

    /**
     * Each message is {@code id:fromMe:text:secondsFromAttempt}; {@code T} stands for the entry's text (sent
     * with different spacing and case, as WhatsApp may normalise it), {@code O} for another text.
     */
    private static List<ChatMessage> chat(String spec) {
        List<ChatMessage> messages = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return messages;
        }
        for (String item : spec.trim().split(" ")) {
            String[] p = item.split(":");
            String body = p[2].equals("T") ? "hello  Mario, see you friday " : "something else";
            messages.add(new ChatMessage(p[0], p[1].equals("me"), body, ATTEMPT.plusSeconds(Long.parseLong(p[3]))));
        }
        return messages;
    }

    @ParameterizedTest(name = "[{index}] {0} (older: {1}, claimed: {2}) -> {3} {4}")
    @CsvSource({
            // chat messages,                               older messages exist, claimed, outcome,  id
            "a:me:T:5,                                       true,  ,       SENT,       a",
            "a:me:T:-100,                                    true,  ,       SENT,       a",   // within the 2 min clock tolerance
            "a:me:T:-121 b:them:O:-300,                      true,  ,       REQUEUE,    ",    // too early: an older message
            "a:them:T:5 b:them:O:-300,                       true,  ,       REQUEUE,    ",    // the contact said it, not us
            "a:me:O:5 b:me:O:-500,                           true,  ,       REQUEUE,    ",    // we sent something else
            "a:me:O:5 b:me:O:30,                             true,  ,       FETCH_MORE, ",    // cannot see back to the attempt
            "a:me:O:5 b:me:O:30,                             false, ,       REQUEUE,    ",    // the whole chat is here
            ",                                               false, ,       REQUEUE,    ",    // an empty new chat
            ",                                               true,  ,       FETCH_MORE, ",
            "a:me:T:5 b:me:T:60 c:them:O:-400,               true,  a,      SENT,       b",   // a belongs to another entry
            "a:me:T:5 b:me:T:60 c:them:O:-400,               true,  a b,    REQUEUE,    ",
            "b:me:T:60 a:me:T:5,                             true,  ,       SENT,       a",   // the earliest match wins
    })
    void uncertainEntriesAreSettledOnlyByWhatTheChatShows(String spec, boolean olderExist, String claimed,
                                                          Outcome outcome, String id) {
        Set<String> claimedIds = claimed == null ? Set.of() : Set.of(claimed.split(" "));

        Reconciliation.Result result = Reconciliation.reconcile(TEXT, ATTEMPT, chat(spec), olderExist, claimedIds);

        assertThat(result).isEqualTo(new Reconciliation.Result(outcome, id));
    }
}
