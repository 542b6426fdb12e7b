package it.mssg.core.api;

/** Delivery status of a message, from WhatsApp's ack. Only ever moves forward, except to FAILED. */
public enum MessageStatus {
    FAILED, PENDING, SENT, DELIVERED, READ, PLAYED;

    /** WhatsApp's ack numbers: -1 error, 0 pending/clock, 1 server, 2 device, 3 read, 4 played. */
    public static MessageStatus fromAck(int ack) {
        return switch (ack) {
            case 0 -> PENDING;
            case 1 -> SENT;
            case 2 -> DELIVERED;
            case 3 -> READ;
            default -> ack >= 4 ? PLAYED : FAILED;
        };
    }
}
