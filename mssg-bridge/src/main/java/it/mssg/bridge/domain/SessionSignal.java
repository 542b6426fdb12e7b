package it.mssg.bridge.domain;

import it.mssg.core.api.DisconnectReason;

import java.time.Instant;

/** Something that happened to the WhatsApp session; the {@link SessionMachine} decides what it means. */
public sealed interface SessionSignal {

    /** The bridge was asked to start (or restart) the browser. */
    record Start() implements SessionSignal {
    }

    /** WhatsApp shows a pairing code; {@code expiresAt} is when it will rotate. */
    record QrShown(String code, Instant expiresAt) implements SessionSignal {
    }

    /** The phone linked this browser, or the profile was already linked: history can be synced. */
    record MainReady() implements SessionSignal {
    }

    record SyncProgress(int percent) implements SessionSignal {
    }

    record SyncDone() implements SessionSignal {
    }

    /** The page reported its wa-js / WhatsApp Web version. */
    record VersionKnown(String version) implements SessionSignal {
    }

    /** The page reloaded itself; the shim comes back on the new document. */
    record Reloaded() implements SessionSignal {
    }

    record Lost(DisconnectReason reason) implements SessionSignal {
    }

    record Stop() implements SessionSignal {
    }
}
