package it.mssg.web.layout;

import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SessionChipTest {

    @ParameterizedTest(name = "[{index}] {0} {1} {2}% → {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "STOPPED      | NULL            | 0   | WhatsApp off        | status-stopped      | The WhatsApp session is not running.",
            "STARTING     | NULL            | 0   | Starting WhatsApp…  | status-starting     | Opening WhatsApp Web",
            "QR_REQUIRED  | NULL            | 0   | Scan the QR code    | status-qr_required  | scan the code",
            "SYNCING      | NULL            | 42  | Syncing 42%         | status-syncing      | Reading contacts",
            "SYNCING      | NULL            | 140 | Syncing 100%        | status-syncing      | Reading contacts",
            "SYNCING      | NULL            | -5  | Syncing 0%          | status-syncing      | Reading contacts",
            "READY        | NULL            | 100 | WhatsApp connected  | status-ready        | Messages flow in",
            "DISCONNECTED | LOGGED_OUT      | 0   | Disconnected        | status-disconnected | Logged out",
            "DISCONNECTED | BROWSER_CRASHED | 0   | Disconnected        | status-disconnected | restarting it",
            "DISCONNECTED | CONFLICT        | 0   | Disconnected        | status-disconnected | opened somewhere else",
            "DISCONNECTED | PROFILE_LOCKED  | 0   | Disconnected        | status-disconnected | another program",
            "DISCONNECTED | NULL            | 0   | Disconnected        | status-disconnected | The session ended.",
    })
    void saysItInWords(SessionState state, DisconnectReason reason, int progress, String label, String css, String detail) {
        SessionChip chip = SessionChip.of(new SessionStatus(state, reason, null, null, progress, null, Instant.EPOCH));
        assertThat(chip.label()).isEqualTo(label);
        assertThat(chip.cssClass()).isEqualTo(css);
        assertThat(chip.detail()).contains(detail);
        assertThat(chip.syncing()).isEqualTo(state == SessionState.SYNCING);
    }
}
