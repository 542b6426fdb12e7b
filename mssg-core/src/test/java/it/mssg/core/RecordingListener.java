package it.mssg.core;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects core events the way consumers will get them: after commit only. */
@Component
public class RecordingListener {

    private final List<Object> committed = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(it.mssg.core.api.ContactsSynced e) {
        committed.add(e);
    }

    @TransactionalEventListener
    void on(it.mssg.core.api.MessageReceived e) {
        committed.add(e);
    }

    @TransactionalEventListener
    void on(it.mssg.core.api.HistorySynced e) {
        committed.add(e);
    }

    @TransactionalEventListener
    void on(it.mssg.core.api.MessageAckChanged e) {
        committed.add(e);
    }

    @TransactionalEventListener
    void on(it.mssg.core.api.ContactsImported e) {
        committed.add(e);
    }

    @TransactionalEventListener
    void on(it.mssg.core.api.ContactsRemoved e) {
        committed.add(e);
    }

    public List<Object> committed() {
        return List.copyOf(committed);
    }

    public void clear() {
        committed.clear();
    }
}
