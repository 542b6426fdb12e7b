package it.mssg.core.api;

import java.util.List;

/** "Remind me if no reply in N days": listed on Home when due, cleared by an inbound message from the contact. */
public interface FollowUpReminders {

    /** @throws InvalidInputException days outside 1–365; NotFoundException unknown contact */
    ReminderView remind(long contactId, int days, String note);

    /** Reminders due now and not cleared, oldest first. */
    List<ReminderView> due();

    /** Every open reminder of one contact. */
    List<ReminderView> openFor(long contactId);

    void clear(long id);
}
