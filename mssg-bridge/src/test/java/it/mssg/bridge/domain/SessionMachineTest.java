package it.mssg.bridge.domain;

import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SessionMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource(nullValues = "-", value = {
            // from         signal         to            reason
            "STOPPED,       START,         STARTING,     -",
            "DISCONNECTED,  START,         STARTING,     -",
            "READY,         START,         STARTING,     -",
            "STARTING,      START,         -,            -",
            "STARTING,      QR,            QR_REQUIRED,  -",
            "READY,         QR,            QR_REQUIRED,  -",
            "STOPPED,       QR,            -,            -",
            "DISCONNECTED,  QR,            -,            -",
            "STARTING,      MAIN_READY,    SYNCING,      -",
            "QR_REQUIRED,   MAIN_READY,    SYNCING,      -",
            "SYNCING,       MAIN_READY,    -,            -",
            "READY,         MAIN_READY,    -,            -",
            "SYNCING,       SYNC_DONE,     READY,        -",
            "QR_REQUIRED,   SYNC_DONE,     -,            -",
            "SYNCING,       PROGRESS,      SYNCING,      -",
            "READY,         PROGRESS,      -,            -",
            "READY,         RELOADED,      STARTING,     -",
            "SYNCING,       RELOADED,      STARTING,     -",
            "STARTING,      RELOADED,      -,            -",
            "DISCONNECTED,  RELOADED,      -,            -",
            "READY,         CRASHED,       DISCONNECTED, BROWSER_CRASHED",
            "STARTING,      CRASHED,       DISCONNECTED, BROWSER_CRASHED",
            "QR_REQUIRED,   LOGGED_OUT,    DISCONNECTED, LOGGED_OUT",
            "STOPPED,       CRASHED,       -,            -",
            "DISCONNECTED,  LOGGED_OUT,    DISCONNECTED, LOGGED_OUT",
            "READY,         STOP,          STOPPED,      -",
            "STOPPED,       STOP,          -,            -",
    })
    void transitions(SessionState from, String signal, SessionState to, DisconnectReason reason) {
        SessionStatus current = new SessionStatus(from, from == SessionState.DISCONNECTED ? DisconnectReason.TIMEOUT : null,
                null, null, 0, "wa-js 4.6.0", T0);
        Optional<SessionStatus> next = SessionMachine.next(current, signal(signal), T1);
        if (to == null) {
            assertThat(next).isEmpty();
        } else {
            assertThat(next).isPresent();
            assertThat(next.get().state()).isEqualTo(to);
            assertThat(next.get().reason()).isEqualTo(reason);
            assertThat(next.get().version()).as("the version survives every change").isEqualTo("wa-js 4.6.0");
        }
    }

    private static SessionSignal signal(String name) {
        return switch (name) {
            case "START" -> new SessionSignal.Start();
            case "QR" -> new SessionSignal.QrShown("2@abc,def", T1.plusSeconds(20));
            case "MAIN_READY" -> new SessionSignal.MainReady();
            case "SYNC_DONE" -> new SessionSignal.SyncDone();
            case "PROGRESS" -> new SessionSignal.SyncProgress(40);
            case "RELOADED" -> new SessionSignal.Reloaded();
            case "CRASHED" -> new SessionSignal.Lost(DisconnectReason.BROWSER_CRASHED);
            case "LOGGED_OUT" -> new SessionSignal.Lost(DisconnectReason.LOGGED_OUT);
            case "STOP" -> new SessionSignal.Stop();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Test
    void qrCarriesCodeAndExpiryAndARotationIsANewStatus() {
        SessionStatus starting = new SessionStatus(SessionState.STARTING, null, null, null, 0, null, T0);
        SessionStatus qr = SessionMachine.next(starting, new SessionSignal.QrShown("2@one", T1.plusSeconds(20)), T1).orElseThrow();
        assertThat(qr.qrCode()).isEqualTo("2@one");
        assertThat(qr.qrExpiresAt()).isEqualTo(T1.plusSeconds(20));
        assertThat(SessionMachine.next(qr, new SessionSignal.QrShown("2@one", T1.plusSeconds(20)), T1)).as("same code, no change").isEmpty();
        assertThat(SessionMachine.next(qr, new SessionSignal.QrShown("2@two", T1.plusSeconds(40)), T1).orElseThrow().qrCode()).isEqualTo("2@two");
        SessionStatus syncing = SessionMachine.next(qr, new SessionSignal.MainReady(), T1).orElseThrow();
        assertThat(syncing.qrCode()).as("the QR is gone once linked").isNull();
    }

    @ParameterizedTest
    @CsvSource({"-5, -", "0, -", "42, 42", "100, 99", "250, 99"})
    void progressIsClampedBelowHundredAndUnchangedProgressIsNoChange(int percent, String expected) {
        SessionStatus syncing = new SessionStatus(SessionState.SYNCING, null, null, null, 0, null, T0);
        Optional<SessionStatus> next = SessionMachine.next(syncing, new SessionSignal.SyncProgress(percent), T1);
        if (expected.equals("-")) {
            assertThat(next).isEmpty();
        } else {
            assertThat(next.orElseThrow().progress()).isEqualTo(Integer.parseInt(expected));
            assertThat(next.get().since()).as("progress does not restart the clock of the state").isEqualTo(T0);
        }
    }

    @Test
    void readyMeansHundredPercent() {
        SessionStatus syncing = new SessionStatus(SessionState.SYNCING, null, null, null, 80, null, T0);
        assertThat(SessionMachine.next(syncing, new SessionSignal.SyncDone(), T1).orElseThrow().progress()).isEqualTo(100);
    }
}
