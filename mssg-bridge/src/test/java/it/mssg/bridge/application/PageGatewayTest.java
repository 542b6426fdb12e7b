package it.mssg.bridge.application;

import it.mssg.bridge.domain.TypingTime;
import it.mssg.core.spi.WhatsAppGateway.OutgoingText;
import it.mssg.core.spi.WhatsAppGateway.RecipientNotOnWhatsApp;
import it.mssg.core.spi.WhatsAppGateway.SendReceipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which page lookup a send makes before anything leaves: a person is queried on WhatsApp, a group is not. */
class PageGatewayTest {

    private static final String GROUP = "120363000000000001@g.us";
    private static final String PERSON = "393330000004@c.us";

    private final WhatsAppSessionService session = mock(WhatsAppSessionService.class);
    private final PageGateway gateway = new PageGateway(session);

    @BeforeEach
    void runtime() {
        // "typing…" for exactly 1 ms, so the composing call is made but the test does not wait
        Duration ms = Duration.ofMillis(1);
        when(session.runtime()).thenReturn(new SessionRuntime(null, null, "test", 20, 500, ms, ms, ms, ms,
                Duration.ofSeconds(5), new TypingTime(ms, ms, Duration.ZERO), null, Optional.empty()));
    }

    @Test
    void aGroupTheSessionKnowsIsSentToWithoutAskingWhetherItIsAPhoneNumber() throws Exception {
        when(session.call("knownChat", GROUP)).thenReturn(Map.of("id", GROUP, "readOnly", false));
        when(session.startSend(GROUP, "Pizza at 8"))
                .thenReturn(CompletableFuture.completedFuture(Map.of("id", "true_" + GROUP + "_3EB0A1", "ack", 1)));

        SendReceipt receipt = gateway.send(new OutgoingText(GROUP, "Pizza at 8"));

        assertThat(receipt).isEqualTo(new SendReceipt("true_" + GROUP + "_3EB0A1", 1));
        InOrder order = inOrder(session);
        order.verify(session).call("knownChat", GROUP);
        order.verify(session).call("composing", GROUP, 1L);
        order.verify(session).startSend(GROUP, "Pizza at 8");
        verify(session, never()).call("queryExists", GROUP);
    }

    @Test
    void aGroupThePageDoesNotHaveIsNotOnWhatsAppAndNothingIsSent() throws Exception {
        String unknown = "120363999999999999@g.us";
        when(session.call("knownChat", unknown)).thenReturn(null);

        assertThatThrownBy(() -> gateway.send(new OutgoingText(unknown, "still there?")))
                .isInstanceOf(RecipientNotOnWhatsApp.class).hasMessage("not a group of this WhatsApp account: " + unknown);

        verify(session).call("knownChat", unknown);
        verify(session, never()).call("queryExists", unknown);
        verify(session, never()).startSend(any(), any());
    }

    @Test
    void aGroupTheAccountLeftIsReadOnlyAFinalRefusalAndNothingIsSent() throws Exception {
        String left = "120363888888888888@g.us";
        when(session.call("knownChat", left)).thenReturn(Map.of("id", left, "readOnly", true));

        assertThatThrownBy(() -> gateway.send(new OutgoingText(left, "still there?")))
                .isInstanceOfSatisfying(RecipientNotOnWhatsApp.class,
                        e -> assertThat(e.why()).isEqualTo("you are no longer in this group"));

        verify(session, never()).call("composing", left, 1L);
        verify(session, never()).startSend(any(), any());
    }

    @Test
    void aPersonIsStillLookedUpOnWhatsAppFirst() throws Exception {
        when(session.call("queryExists", PERSON)).thenReturn(PERSON);
        when(session.startSend(PERSON, "Your table is ready"))
                .thenReturn(CompletableFuture.completedFuture(Map.of("id", "true_" + PERSON + "_3EB0A2", "ack", 1)));

        assertThat(gateway.send(new OutgoingText(PERSON, "Your table is ready")).ack()).isEqualTo(1);

        verify(session).call("queryExists", PERSON);
        verify(session, never()).call("knownChat", PERSON);
    }
}
