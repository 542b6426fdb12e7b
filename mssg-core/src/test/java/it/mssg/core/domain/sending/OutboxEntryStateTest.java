package it.mssg.core.domain.sending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static it.mssg.core.domain.sending.OutboxEntryState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutboxEntryStateTest {

    /** The whole table of allowed moves, written out independently of the enum. */
    private static final Map<OutboxEntryState, Set<OutboxEntryState>> ALLOWED = Map.of(
            QUEUED, Set.of(SENDING, BLOCKED, CANCELLED),
            SENDING, Set.of(SENT, FAILED, UNCERTAIN),
            UNCERTAIN, Set.of(SENT, QUEUED, CANCELLED),
            SENT, Set.of(DELIVERED, READ, FAILED),
            DELIVERED, Set.of(READ),
            FAILED, Set.of(QUEUED),
            BLOCKED, Set.of(QUEUED, CANCELLED),
            READ, Set.of(),
            CANCELLED, Set.of());

    static Stream<Arguments> everyPair() {
        return Arrays.stream(values()).flatMap(from -> Arrays.stream(values())
                .map(to -> Arguments.of(from, to, ALLOWED.get(from).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void transitions(OutboxEntryState from, OutboxEntryState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.moveTo(to)).isEqualTo(to);
        } else {
            assertThatIllegalStateException().isThrownBy(() -> from.moveTo(to))
                    .withMessage("outbox entry cannot move from " + from + " to " + to);
        }
    }

    @Test
    void finalPendingAndLeftStates() {
        assertThat(Arrays.stream(values()).filter(OutboxEntryState::isFinal).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(READ, CANCELLED);
        assertThat(Arrays.stream(values()).filter(OutboxEntryState::hasLeft).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(SENT, DELIVERED, READ);
        assertThat(Arrays.stream(values()).filter(OutboxEntryState::isPending).collect(Collectors.toSet()))
                .containsExactly(QUEUED);
    }

    @ParameterizedTest(name = "{0} at start-up -> {1}")
    @CsvSource({"SENDING, UNCERTAIN", "QUEUED, QUEUED", "UNCERTAIN, UNCERTAIN", "SENT, SENT", "FAILED, FAILED",
            "BLOCKED, BLOCKED", "CANCELLED, CANCELLED", "DELIVERED, DELIVERED", "READ, READ"})
    void onlySendingBecomesUncertainAtStartUp(OutboxEntryState before, OutboxEntryState after) {
        assertThat(before.atStartUp()).isEqualTo(after);
    }

    @ParameterizedTest(name = "{0} + ack {1} -> {2}")
    @CsvSource({
            "SENT,      1,  SENT",
            "SENT,      2,  DELIVERED",
            "SENT,      3,  READ",
            "SENT,      4,  READ",       // played counts as read
            "SENT,      -1, FAILED",
            "SENT,      0,  SENT",
            "DELIVERED, 3,  READ",
            "DELIVERED, 1,  DELIVERED",  // a late lower ack changes nothing
            "DELIVERED, -1, DELIVERED",  // an error after delivery is not believed
            "READ,      2,  READ",
            "READ,      -1, READ",
            "QUEUED,    3,  QUEUED",     // acks for entries that have not left are ignored
            "SENDING,   1,  SENDING",
            "UNCERTAIN, 2,  UNCERTAIN",
            "CANCELLED, 3,  CANCELLED",
    })
    void acksOnlyMoveForward(OutboxEntryState state, int ack, OutboxEntryState expected) {
        assertThat(state.afterAck(ack)).isEqualTo(expected);
    }
}
