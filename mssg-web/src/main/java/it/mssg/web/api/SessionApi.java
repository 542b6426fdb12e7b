package it.mssg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.SessionControl;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/session")
@Tag(name = "WhatsApp session")
class SessionApi {

    private final SessionControl session;

    SessionApi(SessionControl session) {
        this.session = session;
    }

    @GetMapping
    @Operation(summary = "The WhatsApp session: state, reason (when disconnected), qr (the pairing code to draw, "
            + "when a scan is needed), progress (0..100 while syncing), version")
    SessionJson status() {
        return SessionJson.of(session.status());
    }

    @PostMapping("/restart")
    @Operation(summary = "Restart the session (the browser and the page)")
    ResponseEntity<SessionJson> restart() {
        session.restart();
        return ResponseEntity.accepted().body(SessionJson.of(session.status()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Log out of WhatsApp on this computer")
    ResponseEntity<SessionJson> logout() {
        session.logout();
        return ResponseEntity.accepted().body(SessionJson.of(session.status()));
    }

    record SessionJson(SessionState state, DisconnectReason reason, String qr, Instant qrExpiresAt, int progress,
                       String version, Instant since) {

        static SessionJson of(SessionStatus s) {
            return new SessionJson(s.state(), s.reason(), s.qrCode(), s.qrExpiresAt(), s.progress(), s.version(), s.since());
        }
    }
}
