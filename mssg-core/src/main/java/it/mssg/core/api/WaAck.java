package it.mssg.core.api;

import java.util.List;

/** An ack change for one or more messages of a chat, as {@code chat.msg_ack_change} reports it. */
public record WaAck(String chatWaId, List<String> waMessageIds, int ack) {
    public WaAck {
        waMessageIds = List.copyOf(waMessageIds);
    }
}
