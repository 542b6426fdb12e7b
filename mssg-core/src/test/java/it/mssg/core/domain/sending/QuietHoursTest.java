package it.mssg.core.domain.sending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuietHoursTest {

    @ParameterizedTest(name = "{0}-{1} in {2} at {3}: quiet {4}, next allowed {5}")
    @CsvSource({
            // same-day window
            "12:00, 14:00, Europe/Rome,      2026-12-02T11:59:59+01:00, false, 2026-12-02T11:59:59+01:00",
            "12:00, 14:00, Europe/Rome,      2026-12-02T12:00:00+01:00, true,  2026-12-02T14:00:00+01:00",
            "12:00, 14:00, Europe/Rome,      2026-12-02T13:59:59+01:00, true,  2026-12-02T14:00:00+01:00",
            "12:00, 14:00, Europe/Rome,      2026-12-02T14:00:00+01:00, false, 2026-12-02T14:00:00+01:00",
            // across midnight
            "22:00, 07:00, Europe/Rome,      2026-12-02T21:59:00+01:00, false, 2026-12-02T21:59:00+01:00",
            "22:00, 07:00, Europe/Rome,      2026-12-02T22:00:00+01:00, true,  2026-12-03T07:00:00+01:00",
            "22:00, 07:00, Europe/Rome,      2026-12-31T23:30:00+01:00, true,  2027-01-01T07:00:00+01:00",
            // an end inside the spring-forward gap (02:00-03:00 does not exist on 29 March 2026 in Rome):
            // the window ends at the jump, when local time passes 02:30
            "22:00, 02:30, Europe/Rome,      2026-03-29T01:00:00+01:00, true,  2026-03-29T03:00:00+02:00",
            "22:00, 02:30, Europe/Rome,      2026-03-29T03:00:00+02:00, false, 2026-03-29T03:00:00+02:00",
            // an end inside the fall-back overlap (02:00-03:00 happens twice on 25 October 2026): the first one
            "22:00, 02:30, Europe/Rome,      2026-10-25T01:00:00+02:00, true,  2026-10-25T02:30:00+02:00",
            // the second 02:10 is again before 02:30 local: quiet for another 20 minutes
            "22:00, 02:30, Europe/Rome,      2026-10-25T02:10:00+01:00, true,  2026-10-25T02:30:00+01:00",
            // another hemisphere and a zone without DST
            "21:00, 08:00, America/Sao_Paulo, 2026-12-02T21:30:00-03:00, true, 2026-12-03T08:00:00-03:00",
            "21:00, 08:00, Asia/Kolkata,     2026-12-02T20:59:00+05:30, false, 2026-12-02T20:59:00+05:30",
    })
    void containsAndNextAllowed(LocalTime start, LocalTime end, ZoneId zone, OffsetDateTime at, boolean quiet,
                                OffsetDateTime next) {
        QuietHours hours = new QuietHours(start, end);

        assertThat(hours.contains(at.toInstant(), zone)).isEqualTo(quiet);
        assertThat(hours.nextAllowed(at.toInstant(), zone)).isEqualTo(next.toInstant());
        assertThat(hours.contains(hours.nextAllowed(at.toInstant(), zone), zone)).isFalse();
    }

    @Test
    void equalStartAndEndIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON))
                .withMessageContaining("configure no quiet hours");
    }

    @Test
    void crossesMidnight() {
        assertThat(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)).crossesMidnight()).isTrue();
        assertThat(new QuietHours(LocalTime.of(1, 0), LocalTime.of(6, 0)).crossesMidnight()).isFalse();
    }
}
