package it.mssg.web;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryView;

import java.util.List;

/** Cancel or send again one outbox entry, from a page that shows it (a chat's reply box, a contact's first messages). */
public final class OutboxEntryActions {

    private OutboxEntryActions() {
    }

    /**
     * Changes the entry if {@code shown} holds it: an address naming an entry the page does not show changes nothing.
     *
     * @param change {@code cancel} or {@code retry}
     * @return what to tell the person
     * @throws NotFoundException the page does not show that entry
     * @throws ConflictException the entry moved on meanwhile (the message says how)
     */
    public static String change(OutboxCommands outbox, List<OutboxEntryView> shown, long entryId, String change) {
        if (shown.stream().noneMatch(e -> e.id() == entryId)) {
            throw new NotFoundException("outbox entry", entryId);
        }
        if (change.equals("cancel")) {
            outbox.cancel(entryId);
            return "Cancelled: it will not be sent.";
        }
        outbox.retry(entryId);
        return "Queued again: it leaves when the send rules allow.";
    }
}
