package it.mssg.core.application;

import it.mssg.core.api.BlockedRequestsView;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import it.mssg.core.spi.WhatsAppSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SessionControlServiceTest {

    @Test
    void withoutABridgeItReportsStoppedAndDoesNothing() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        SessionControlService control = new SessionControlService(beans.getBeanProvider(WhatsAppSession.class), new CoreClock());
        assertThat(control.status().state()).isEqualTo(SessionState.STOPPED);
        control.restart();
        control.logout();
        control.openVisibleWindow();
        assertThat(control.screenshot()).isEmpty();
        assertThat(control.simulatorControlUrl()).isEmpty();
        assertThat(control.blockedRequests()).isEqualTo(BlockedRequestsView.NONE);
    }

    @Test
    void delegatesToTheBridgesSession() throws Exception {
        WhatsAppSession session = mock(WhatsAppSession.class);
        SessionStatus ready = new SessionStatus(SessionState.READY, null, null, null, 100, "2.3000", Instant.EPOCH);
        when(session.status()).thenReturn(ready);
        when(session.screenshot()).thenReturn(Optional.of(new byte[]{1}));
        when(session.simulatorControlUrl()).thenReturn(Optional.of("http://127.0.0.1:1/control"));
        BlockedRequestsView blocked = new BlockedRequestsView(3, 2, 1, 0, List.of(
                new BlockedRequestsView.Host("analytics.google.com", BlockedRequestsView.Category.ANALYTICS, 2),
                new BlockedRequestsView.Host("crashlogs.whatsapp.net", BlockedRequestsView.Category.CRASH_LOGS, 1)));
        when(session.blockedRequests()).thenReturn(blocked);
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("session", session);
        SessionControlService control = new SessionControlService(beans.getBeanProvider(WhatsAppSession.class), new CoreClock());
        assertThat(control.status()).isEqualTo(ready);
        control.restart();
        control.logout();
        control.openVisibleWindow();
        verify(session).restart();
        verify(session).logout();
        verify(session).openVisibleWindow();
        assertThat(control.screenshot()).contains(new byte[]{1});
        assertThat(control.simulatorControlUrl()).contains("http://127.0.0.1:1/control");
        assertThat(control.blockedRequests()).isEqualTo(blocked);
    }
}
