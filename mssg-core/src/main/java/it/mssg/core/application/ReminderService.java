package it.mssg.core.application;

import it.mssg.core.api.FollowUpReminders;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.ReminderView;
import it.mssg.core.store.ReminderStore;
import it.mssg.core.store.SendingDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Follow-up reminders; {@link SendingListener} clears them when the contact writes. */
@Service
class ReminderService implements FollowUpReminders {

    static final int MAX_NOTE = 500;

    private final ReminderStore store;
    private final SendingDirectory directory;
    private final TransactionTemplate tx;
    private final CoreClock clock;

    ReminderService(ReminderStore store, SendingDirectory directory, TransactionTemplate tx, CoreClock clock) {
        this.store = store;
        this.directory = directory;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public ReminderView remind(long contactId, int days, String note) {
        InvalidInputException.require(days >= 1 && days <= 365, "days", "remind in 1 to 365 days");
        String n = note == null || note.isBlank() ? null : note.strip();
        InvalidInputException.require(n == null || n.length() <= MAX_NOTE, "note", "a note is at most " + MAX_NOTE + " characters");
        return tx.execute(t -> {
            directory.contact(contactId).orElseThrow(() -> new NotFoundException("contact", contactId));
            Instant now = clock.instant();
            return view(store.find(store.insert(contactId, n, now.plus(Duration.ofDays(days)), now)).orElseThrow());
        });
    }

    @Override
    public List<ReminderView> due() {
        return tx.execute(t -> store.due(clock.instant()).stream().map(ReminderService::view).toList());
    }

    @Override
    public List<ReminderView> openFor(long contactId) {
        return tx.execute(t -> store.openFor(contactId).stream().map(ReminderService::view).toList());
    }

    @Override
    public void clear(long id) {
        tx.executeWithoutResult(t -> {
            store.find(id).orElseThrow(() -> new NotFoundException("reminder", id));
            store.clear(id, clock.instant());
        });
    }

    private static ReminderView view(ReminderStore.Row r) {
        return new ReminderView(r.id(), r.contactId(), r.contactName(), r.note(), r.dueAt(), r.createdAt(), r.clearedAt());
    }
}
