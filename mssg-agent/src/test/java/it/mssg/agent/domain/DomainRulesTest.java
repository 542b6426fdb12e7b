package it.mssg.agent.domain;

import it.mssg.agent.api.AgentMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainRulesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Call me at +39 333 123 4567                  | PHONE",
            "mail: mario.rossi@example.com                | EMAIL",
            "IBAN IT60 X054 2811 1010 0000 0123 456       | IBAN",
            "card 4111 1111 1111 1111 exp 12/29           | CARD",
            "We open at 9:00 and close at 18:30           | NONE",
            "Order 12345 ships in 2 days                  | NONE",
            "IT60X0542811101000000123457 (bad checksum)    | PHONE",
    })
    void findsPersonalData(String text, String expected) {
        var kinds = PersonalDataScanner.kinds(text);
        if (expected.equals("NONE")) {
            assertThat(kinds).isEmpty();
        } else {
            assertThat(kinds).contains(PersonalDataScanner.Kind.valueOf(expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Where is my package?     | package     | true",
            "where is my PACKAGE!!    | package     | true",
            "packages                 | package     | false",
            "Quando aprite? Orário    | orario      | true",
            "call my lawyer now       | my lawyer   | true",
            "call my   lawyer         | my lawyer   | true",
    })
    void wholeWordRules(String text, String rule, boolean hit) {
        assertThat(TextRules.firstHit(text, List.of(rule)).isPresent()).isEqualTo(hit);
    }

    @Test
    void burstsSplitOnGaps() {
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        Duration gap = Duration.ofMinutes(2);
        assertThat(BurstTracker.burstStart(null, null, t0, gap)).isEqualTo(t0);
        assertThat(BurstTracker.burstStart(t0, t0, t0.plusSeconds(120), gap)).isEqualTo(t0);
        assertThat(BurstTracker.burstStart(t0, t0.plusSeconds(120), t0.plusSeconds(240), gap)).isEqualTo(t0);
        assertThat(BurstTracker.burstStart(t0, t0, t0.plusSeconds(121), gap)).isEqualTo(t0.plusSeconds(121));
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> new AgentSettings(1.2, 0.03, AgentMode.AUTO, Duration.ZERO,
                ResponseWindow.always(java.time.ZoneOffset.UTC), 1, Duration.ZERO, Duration.ofMinutes(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new AgentSettings(0.8, 0.03, AgentMode.AUTO, Duration.ZERO,
                ResponseWindow.always(java.time.ZoneOffset.UTC), 0, Duration.ZERO, Duration.ofMinutes(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailyReplyLimit");
    }

    @Test
    void factsNeverPrintTheirText() {
        var facts = new MessageFacts(false, true, true, Instant.EPOCH, "secret words");
        assertThat(facts.toString()).doesNotContain("secret").contains("12 chars");
    }
}
