package it.mssg.core.api;

import java.util.List;

/**
 * What the WhatsApp bridge tells core. Every method is idempotent by WhatsApp ids: the same call twice
 * changes nothing the second time. Calls may come in pages; callers pass what they have.
 */
public interface InboundEvents {

    void labelsSynced(List<WaLabel> labels);

    void contactsSynced(List<WaContact> contacts);

    void chatsSynced(List<WaChat> chats);

    /** History sync and live messages alike. */
    void messagesReceived(List<WaMessage> messages);

    void ackChanged(WaAck ack);
}
