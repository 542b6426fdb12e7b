package it.mssg.core.application;

import it.mssg.core.api.BulkTagging;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSummaryView;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.PageView;
import it.mssg.core.domain.PhoneNumbers;
import it.mssg.core.store.ContactStore;
import it.mssg.core.store.OutboxStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

@Service
@Transactional
class ContactService implements ContactQueries, ContactCommands {

    private final ContactStore store;
    private final SettingsService settings;
    private final CoreClock clock;
    private final OutboxStore outboxStore;
    private final OutboxCommands outbox;

    ContactService(ContactStore store, SettingsService settings, CoreClock clock, OutboxStore outboxStore, OutboxCommands outbox) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.outboxStore = outboxStore;
        this.outbox = outbox;
    }

    @Override
    @Transactional(readOnly = true)
    public PageView<ContactSummaryView> search(ContactSearch search) {
        return store.search(search);
    }

    @Override
    @Transactional(readOnly = true)
    public ContactView get(long id) {
        return store.get(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContactView> findByPhone(String e164) {
        return store.findByPhone(e164);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContactView> findByNumber(String typed) {
        return typed != null && PhoneNumbers.normalise(typed, settings.defaultRegion()) instanceof PhoneNumbers.Valid v
                ? store.findByPhone(v.e164()) : Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContactView> findByWaId(String waId) {
        return store.findByWaId(waId);
    }

    @Override
    public ContactView create(NewContact contact) {
        PhoneNumbers.Result r = PhoneNumbers.normalise(contact.phone(), settings.defaultRegion());
        if (!(r instanceof PhoneNumbers.Valid v)) {
            throw new InvalidInputException("phone", ((PhoneNumbers.Invalid) r).reason());
        }
        return store.createManual(v.e164(), contact.displayName(), contact.notes(), contact.fields(), contact.tagIds(),
                contact.optedOut(), clock.instant());
    }

    @Override
    public ContactView update(long id, ContactEdit edit) {
        return store.update(id, edit, clock.instant());
    }

    @Override
    public void delete(long id) {
        ContactView contact = store.get(id);
        if (contact.optedOut()) {
            // the opt-out lives on the contact: without it, the next sync or import would bring the number back as
            // someone who may be written to
            throw new ConflictException("optedOut", contact.label() + " opted out: mssg keeps the contact so that nothing"
                    + " is ever sent to this number again. You can clear the name, notes and fields instead.");
        }
        // what still waits for them would otherwise go out to a number no contact stands for any more
        for (long entry : outboxStore.unsentForContact(id)) {
            try {
                outbox.cancel(entry);
            } catch (ConflictException leftMeanwhile) {
                // the send loop took it in the meantime: it is on its way, nothing is left to cancel
            }
        }
        store.delete(id);
    }

    @Override
    public int tag(BulkTagging command) {
        return store.tag(command.contactIds(), command.tagId(), clock.instant());
    }

    @Override
    public int untag(BulkTagging command) {
        return store.untag(command.contactIds(), command.tagId(), clock.instant());
    }
}
