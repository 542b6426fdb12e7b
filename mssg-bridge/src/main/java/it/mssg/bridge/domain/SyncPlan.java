package it.mssg.bridge.domain;

/**
 * Progress of a first sync as a percentage: labels and contacts count for the first part, chats for a small
 * part, the history of each chat for the rest. Kept here so the bar moves evenly whatever the account size.
 */
public record SyncPlan(int contacts, int chats) {

    public SyncPlan {
        if (contacts < 0 || chats < 0) {
            throw new IllegalArgumentException("negative counts");
        }
    }

    /** @return 0..99; 100 is reserved for READY */
    public int percent(int contactsDone, int chatsDone, int historiesDone) {
        double contactPart = contacts == 0 ? 1 : Math.min(1, contactsDone / (double) contacts);
        double chatPart = chats == 0 ? 1 : Math.min(1, chatsDone / (double) chats);
        double historyPart = chats == 0 ? 1 : Math.min(1, historiesDone / (double) chats);
        return (int) Math.min(99, Math.floor(30 * contactPart + 10 * chatPart + 59 * historyPart));
    }
}
