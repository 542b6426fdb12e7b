package it.mssg.bridge.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SyncPlanTest {

    @ParameterizedTest(name = "{0} contacts, {1} chats; done {2}/{3}/{4} → {5}%")
    @CsvSource({
            "5000, 1000,    0,    0,    0,  0",
            "5000, 1000, 2500,    0,    0, 15",
            "5000, 1000, 5000,    0,    0, 30",
            "5000, 1000, 5000, 1000,    0, 40",
            "5000, 1000, 5000, 1000,  500, 69",
            "5000, 1000, 5000, 1000, 1000, 99",
            "   0,    0,    0,    0,    0, 99",
            "  10,    2,   20,    5,    9, 99",
    })
    void progressMovesEvenlyAndNeverClaimsReady(int contacts, int chats, int contactsDone, int chatsDone, int historiesDone, int percent) {
        assertThat(new SyncPlan(contacts, chats).percent(contactsDone, chatsDone, historiesDone)).isEqualTo(percent);
    }
}
