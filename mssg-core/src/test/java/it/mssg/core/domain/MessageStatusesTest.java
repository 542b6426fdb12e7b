package it.mssg.core.domain;

import it.mssg.core.api.MessageStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MessageStatusesTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(nullValues = "null", textBlock = """
            PENDING,   SENT,      SENT
            SENT,      DELIVERED, DELIVERED
            SENT,      READ,      READ
            READ,      DELIVERED, null
            READ,      SENT,      null
            DELIVERED, DELIVERED, null
            READ,      PLAYED,    PLAYED
            READ,      FAILED,    FAILED
            PENDING,   FAILED,    FAILED
            FAILED,    FAILED,    null
            FAILED,    SENT,      SENT
            null,      SENT,      SENT
            """)
    void movesOnlyForwardOrToFailed(MessageStatus current, MessageStatus incoming, MessageStatus expected) {
        assertThat(MessageStatuses.advance(current, incoming)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({"-1, FAILED", "0, PENDING", "1, SENT", "2, DELIVERED", "3, READ", "4, PLAYED", "5, PLAYED", "-7, FAILED"})
    void acks(int ack, MessageStatus status) {
        assertThat(MessageStatus.fromAck(ack)).isEqualTo(status);
    }
}
