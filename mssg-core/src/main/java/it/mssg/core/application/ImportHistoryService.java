package it.mssg.core.application;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactsRemoved;
import it.mssg.core.api.ImportHistory;
import it.mssg.core.api.ImportRecordView;
import it.mssg.core.api.ImportUndoView;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.domain.ImportUndoPlan;
import it.mssg.core.store.ImportHistoryStore;
import it.mssg.core.store.OutboxStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

@Service
@Transactional
class ImportHistoryService implements ImportHistory {

    private final ImportHistoryStore store;
    private final OutboxStore outboxStore;
    private final OutboxCommands outbox;
    private final ApplicationEventPublisher events;
    private final CoreClock clock;

    ImportHistoryService(ImportHistoryStore store, OutboxStore outboxStore, OutboxCommands outbox,
                         ApplicationEventPublisher events, CoreClock clock) {
        this.store = store;
        this.outboxStore = outboxStore;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImportRecordView> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 100)));
    }

    @Override
    @Transactional(readOnly = true)
    public ImportUndoView undoPlan(long importId) {
        ImportUndoPlan plan = ImportUndoPlan.of(store.added(importId)); // none for an import that added none
        return view(find(importId), plan, plan.removable().size(), 0);
    }

    @Override
    public ImportUndoView undo(long importId) {
        ImportRecordView record = find(importId);
        if (record.created() == 0) {
            throw new ConflictException(null, record.fileName() + " added no contact, so there is nothing to remove.");
        }
        try {
            // the claim locks the record: a second undo at the same time waits here, then finds it undone
            if (!store.claimUndo(importId, clock.instant())) {
                throw new ConflictException(null, "The contacts " + record.fileName() + " added were removed already.");
            }
            return remove(record);
        } catch (TransientDataAccessException e) {
            // another import or the WhatsApp sync held the contacts longer than the lock wait: nothing was removed
            throw new ConflictException(null, "Another import or the WhatsApp sync was writing contacts at the same time,"
                    + " so nothing was removed. Try again in a moment.");
        }
    }

    private ImportUndoView remove(ImportRecordView record) {
        long importId = record.id();
        ImportUndoPlan plan = ImportUndoPlan.of(store.added(importId));
        // an opt-out or an edit that came in since the plan was read keeps its contact
        List<Long> removable = store.lockUntouched(plan.removable());
        int cancelled = 0;
        // what still waits for them would otherwise go out to numbers no contact stands for any more
        for (long entry : outboxStore.unsentForContacts(removable)) {
            try {
                outbox.cancel(entry);
                cancelled++;
            } catch (ConflictException leftMeanwhile) {
                // the send loop took it in the meantime: it is on its way, nothing is left to cancel
            }
        }
        int removed = store.deleteContacts(removable);
        store.recordRemoved(importId, removed);
        events.publishEvent(new ContactsRemoved(removed));
        return view(find(importId), plan, removed, cancelled);
    }

    private ImportRecordView find(long importId) {
        return store.find(importId).orElseThrow(() -> new NotFoundException("import", importId));
    }

    private static ImportUndoView view(ImportRecordView record, ImportUndoPlan plan, int removed, int cancelled) {
        return new ImportUndoView(record, plan.stillThere(), removed, plan.keptOptedOut(),
                plan.keptInUse(), plan.keptChanged(), cancelled);
    }
}
