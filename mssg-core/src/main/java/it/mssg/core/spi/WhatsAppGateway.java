package it.mssg.core.spi;

/**
 * The one way a message leaves for WhatsApp. Only the outbox's send loop calls it, after the send governor.
 * Implemented by the bridge.
 */
public interface WhatsAppGateway {

    /**
     * Checks the recipient exists, shows "typing" for a while, sends the text and waits for the server ack.
     *
     * @throws RecipientNotOnWhatsApp  before anything was sent
     * @throws GatewayUnavailable      the session is not READY or the page failed; the text may or may not
     *                                 have left (the caller reconciles against the chat before resending)
     */
    SendReceipt send(OutgoingText text) throws RecipientNotOnWhatsApp, GatewayUnavailable;

    /** @param recipientWaId a serialized WhatsApp id such as {@code 393331234567@c.us} */
    record OutgoingText(String recipientWaId, String text) {
    }

    /** @param waMessageId the serialized id WhatsApp gave the message; {@code ack} as in {@code WaMessage} */
    record SendReceipt(String waMessageId, int ack) {
    }

    final class RecipientNotOnWhatsApp extends Exception {
        public RecipientNotOnWhatsApp(String recipient) {
            super("not on WhatsApp: " + recipient);
        }
    }

    final class GatewayUnavailable extends Exception {
        public GatewayUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
