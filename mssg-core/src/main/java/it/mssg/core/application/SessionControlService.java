package it.mssg.core.application;

import it.mssg.core.api.BlockedRequestsView;
import it.mssg.core.api.SessionControl;
import it.mssg.core.api.SessionStatus;
import it.mssg.core.spi.WhatsAppSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/**
 * Screens' handle on the WhatsApp session: delegates to the bridge's {@link WhatsAppSession} when one is
 * in the context, else reports STOPPED and does nothing (e.g. core or web tested without the bridge).
 */
@Service
class SessionControlService implements SessionControl {

    private final ObjectProvider<WhatsAppSession> session;
    private final Instant startedAt;
    /** Found once: every screen asks for the status (the session chip), and a look-up in the bean factory each time showed in profiles. */
    private volatile WhatsAppSession found;

    SessionControlService(ObjectProvider<WhatsAppSession> session, CoreClock clock) {
        this.session = session;
        this.startedAt = clock.instant();
    }

    private Optional<WhatsAppSession> session() {
        WhatsAppSession s = found;
        if (s == null) {
            s = session.getIfAvailable();
            found = s;
        }
        return Optional.ofNullable(s);
    }

    @Override
    public SessionStatus status() {
        return session().map(WhatsAppSession::status).orElseGet(() -> SessionStatus.stopped(startedAt));
    }

    @Override
    public void restart() {
        session().ifPresent(WhatsAppSession::restart);
    }

    @Override
    public void logout() {
        session().ifPresent(WhatsAppSession::logout);
    }

    @Override
    public void openVisibleWindow() {
        session().ifPresent(WhatsAppSession::openVisibleWindow);
    }

    @Override
    public Optional<byte[]> screenshot() {
        return session().flatMap(WhatsAppSession::screenshot);
    }

    @Override
    public Optional<String> simulatorControlUrl() {
        return session().flatMap(WhatsAppSession::simulatorControlUrl);
    }

    @Override
    public BlockedRequestsView blockedRequests() {
        return session().map(WhatsAppSession::blockedRequests).orElse(BlockedRequestsView.NONE);
    }
}
