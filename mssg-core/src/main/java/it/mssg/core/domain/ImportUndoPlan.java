package it.mssg.core.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoing an import: which of the contacts it added may be removed again, and why the others stay. Only contacts
 * nobody has touched since go; whatever has become the user's own data (a conversation, a reminder, an edit, an opt-out)
 * is kept.
 *
 * @param removable ids of the contacts to remove
 */
public record ImportUndoPlan(List<Long> removable, int keptOptedOut, int keptInUse, int keptChanged) {

    /**
     * A contact an import added, as it is now.
     *
     * @param changedSince   edited, filled in by a later import or seen on WhatsApp since the import
     * @param inUse        it has a chat or a follow-up reminder, or a message to it left or may have left
     */
    public record AddedContact(long id, boolean optedOut, boolean changedSince, boolean inUse) {
    }

    /** Why a contact stays; the first that applies counts. */
    public enum KeepReason { OPTED_OUT, IN_USE, CHANGED_SINCE }

    /** @return why {@code c} stays, or null when it may be removed */
    public static KeepReason keepReason(AddedContact c) {
        // the opt-out lives on the contact: removed, the number would come back as someone who may be written to
        if (c.optedOut()) return KeepReason.OPTED_OUT;
        if (c.inUse()) return KeepReason.IN_USE;
        if (c.changedSince()) return KeepReason.CHANGED_SINCE;
        return null;
    }

    public static ImportUndoPlan of(List<AddedContact> contacts) {
        List<Long> removable = new ArrayList<>();
        int[] kept = new int[KeepReason.values().length];
        for (AddedContact c : contacts) {
            KeepReason why = keepReason(c);
            if (why == null) removable.add(c.id());
            else kept[why.ordinal()]++;
        }
        return new ImportUndoPlan(List.copyOf(removable), kept[KeepReason.OPTED_OUT.ordinal()],
                kept[KeepReason.IN_USE.ordinal()], kept[KeepReason.CHANGED_SINCE.ordinal()]);
    }

    public int kept() {
        return keptOptedOut + keptInUse + keptChanged;
    }

    /** The contacts the import added that are still stored. */
    public int stillThere() {
        return removable.size() + kept();
    }
}
