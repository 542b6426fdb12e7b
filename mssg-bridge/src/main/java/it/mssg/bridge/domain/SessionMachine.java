package it.mssg.bridge.domain;

import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;

import java.time.Instant;
import java.util.Optional;

import static it.mssg.core.api.SessionState.DISCONNECTED;
import static it.mssg.core.api.SessionState.QR_REQUIRED;
import static it.mssg.core.api.SessionState.READY;
import static it.mssg.core.api.SessionState.STARTING;
import static it.mssg.core.api.SessionState.STOPPED;
import static it.mssg.core.api.SessionState.SYNCING;

/**
 * The session's state machine: {@code STOPPED → STARTING → QR_REQUIRED → SYNCING → READY → DISCONNECTED}.
 * Pure: given the current status and a signal it answers the next status, or empty when the signal changes
 * nothing (a late event from a page that is already gone must not move the session).
 */
public final class SessionMachine {

    private SessionMachine() {
    }

    public static Optional<SessionStatus> next(SessionStatus current, SessionSignal signal, Instant now) {
        SessionState state = current.state();
        String version = current.version();
        SessionStatus next = null;
        if (signal instanceof SessionSignal.Start) {
            next = state == STARTING ? null : status(STARTING, null, null, null, 0, version, now);
        } else if (signal instanceof SessionSignal.QrShown qr) {
            boolean sameCode = state == QR_REQUIRED && qr.code().equals(current.qrCode());
            next = in(state, STARTING, QR_REQUIRED, SYNCING, READY) && !sameCode
                    ? status(QR_REQUIRED, null, qr.code(), qr.expiresAt(), 0, version, now) : null;
        } else if (signal instanceof SessionSignal.MainReady) {
            next = in(state, STARTING, QR_REQUIRED) ? status(SYNCING, null, null, null, 0, version, now) : null;
        } else if (signal instanceof SessionSignal.SyncProgress p) {
            next = state == SYNCING && clamp(p.percent()) != current.progress()
                    ? status(SYNCING, null, null, null, clamp(p.percent()), version, current.since()) : null;
        } else if (signal instanceof SessionSignal.SyncDone) {
            next = state == SYNCING ? status(READY, null, null, null, 100, version, now) : null;
        } else if (signal instanceof SessionSignal.VersionKnown v) {
            next = state != STOPPED && !v.version().equals(version)
                    ? new SessionStatus(state, current.reason(), current.qrCode(), current.qrExpiresAt(),
                    current.progress(), v.version(), current.since()) : null;
        } else if (signal instanceof SessionSignal.Reloaded) {
            next = in(state, QR_REQUIRED, SYNCING, READY) ? status(STARTING, null, null, null, 0, version, now) : null;
        } else if (signal instanceof SessionSignal.Lost lost) {
            boolean newReason = state == DISCONNECTED && current.reason() != lost.reason();
            next = in(state, STARTING, QR_REQUIRED, SYNCING, READY) || newReason
                    ? status(DISCONNECTED, lost.reason(), null, null, 0, version, now) : null;
        } else if (signal instanceof SessionSignal.Stop) {
            next = state == STOPPED ? null : status(STOPPED, null, null, null, 0, version, now);
        }
        return Optional.ofNullable(next);
    }

    private static SessionStatus status(SessionState state, it.mssg.core.api.DisconnectReason reason, String qr,
                                        Instant qrExpiresAt, int progress, String version, Instant since) {
        return new SessionStatus(state, reason, qr, qrExpiresAt, progress, version, since);
    }

    private static boolean in(SessionState state, SessionState... any) {
        for (SessionState s : any) {
            if (s == state) {
                return true;
            }
        }
        return false;
    }

    private static int clamp(int percent) {
        return Math.max(0, Math.min(99, percent));
    }
}
