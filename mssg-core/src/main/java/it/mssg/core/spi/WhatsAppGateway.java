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

    /** The message cannot go to this recipient at all (a final failure, never retried); {@link #why()} says why. */
    final class RecipientNotOnWhatsApp extends Exception {
        private final String why;

        public RecipientNotOnWhatsApp(String recipient) {
            this(recipient, "not on WhatsApp");
        }

        /** @param why for the person reading the outbox, e.g. "you are no longer in this group" */
        public RecipientNotOnWhatsApp(String recipient, String why) {
            super(why + ": " + recipient);
            this.why = why;
        }

        public String why() {
            return why;
        }
    }

    final class GatewayUnavailable extends Exception {
        public GatewayUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
