package it.mssg.core.api;

/**
 * What undoing an import does (before: what it would do; after: what it did).
 *
 * @param stillThere         contacts the import added that are still stored
 * @param removed            of those, the ones removed (or to remove): nobody has touched them since
 * @param keptOptedOut       kept because they opted out (their opt-out must stay)
 * @param keptInUse          kept because they have a chat or a reminder, or a message to them left or may have left
 * @param keptChanged        kept because they were edited, filled in or seen on WhatsApp since
 * @param cancelledMessages  messages still waiting to go to removed contacts, cancelled (after only; 0 before)
 */
public record ImportUndoView(ImportRecordView record, int stillThere, int removed, int keptOptedOut,
                             int keptInUse, int keptChanged, int cancelledMessages) {

    public int kept() {
        return keptOptedOut + keptInUse + keptChanged;
    }
}
