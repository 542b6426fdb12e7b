package it.mssg.bridge.application;

import it.mssg.bridge.browser.PageCallFailed;
import it.mssg.bridge.sync.PageData;
import it.mssg.core.spi.WhatsAppGateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends through the page: the recipient must exist on WhatsApp (a group: be a chat the page knows) before
 * anything is sent, "typing…" shows for a time that grows with the text (waited here, not on the page's thread),
 * then the text goes out without marking the chat read and without link previews, and the server ack comes back.
 */
public class PageGateway implements WhatsAppGateway {

    private final WhatsAppSessionService session;

    public PageGateway(WhatsAppSessionService session) {
        this.session = session;
    }

    @Override
    public SendReceipt send(OutgoingText text) throws RecipientNotOnWhatsApp, GatewayUnavailable {
        if (text == null || text.recipientWaId() == null || text.recipientWaId().isBlank()
                || text.text() == null || text.text().isEmpty()) {
            throw new IllegalArgumentException("a send needs a recipient and a text");
        }
        session.requireReady();
        SessionRuntime runtime = session.runtime();
        try {
            String chatId = chatOf(text.recipientWaId());
            Duration typing = runtime.typing().forText(text.text());
            if (!typing.isZero()) {
                session.call("composing", chatId, typing.toMillis());
                Thread.sleep(typing.toMillis());
            }
            session.requireReady();
            CompletableFuture<Map<String, Object>> sent = session.startSend(chatId, text.text());
            Map<String, Object> result = sent.get(runtime.sendTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            if (result.get("error") != null) {
                throw new GatewayUnavailable("WhatsApp did not confirm the send: " + result.get("error"), null);
            }
            return new SendReceipt(PageData.text(result.get("id")), (int) PageData.number(result.get("ack"), 0));
        } catch (PageCallFailed e) {
            throw new GatewayUnavailable("WhatsApp page unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailable("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new GatewayUnavailable("the page closed during the send", e.getCause());
        } catch (TimeoutException e) {
            throw new GatewayUnavailable("no answer from WhatsApp within " + runtime.sendTimeout(), e);
        }
    }

    /**
     * The chat to send to, or {@link RecipientNotOnWhatsApp} before anything is sent. A person is looked up on
     * WhatsApp ({@code queryExists} resolves phone numbers only, so it never finds a group); a group must be a
     * chat the page already has: one that is not there (never joined, or gone from the list) cannot be sent to,
     * and saying so is final, not a failure to retry.
     */
    private String chatOf(String recipient) throws RecipientNotOnWhatsApp, PageCallFailed {
        if (!recipient.endsWith("@g.us")) {
            Object person = session.call("queryExists", recipient);
            if (person == null) {
                throw new RecipientNotOnWhatsApp(recipient);
            }
            return PageData.text(person);
        }
        if (!(session.call("knownChat", recipient) instanceof Map<?, ?> group)) {
            throw new RecipientNotOnWhatsApp(recipient, "not a group of this WhatsApp account");
        }
        if (Boolean.TRUE.equals(group.get("readOnly"))) {
            // final: a send there would fail (or hang until its time-out) every time it was retried
            throw new RecipientNotOnWhatsApp(recipient, "you are no longer in this group");
        }
        return PageData.text(group.get("id"));
    }
}
