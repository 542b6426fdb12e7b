package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.RecordingListener;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactsRemoved;
import it.mssg.core.api.DuplicatePolicy;
import it.mssg.core.api.FollowUpReminders;
import it.mssg.core.api.ImportHistory;
import it.mssg.core.api.ImportOptions;
import it.mssg.core.api.ImportRecordView;
import it.mssg.core.api.ImportResultView;
import it.mssg.core.api.ImportUndoView;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import it.mssg.core.api.ContactImport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Undoing an import: the contacts it added and nobody touched go, everything else stays. */
class ImportUndoIT extends CoreIntegrationTest {

    @Autowired ContactImport imports;
    @Autowired ImportHistory history;
    @Autowired ContactQueries contacts;
    @Autowired ContactCommands commands;
    @Autowired FollowUpReminders reminders;
    @Autowired SendMessages sendMessages;
    @Autowired OutboxQueries outbox;
    @Autowired CoreClock coreClock;
    @Autowired RecordingListener events;

    OutboxIT.MovableClock clock;

    @BeforeEach
    void setUp() {
        clock = new OutboxIT.MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
        coreClock.set(clock);
        events.clear();
    }

    @AfterEach
    void restoreClock() {
        coreClock.set(Clock.systemUTC());
    }

    private ImportResultView importCsv(String fileName, String csv, DuplicatePolicy policy) {
        String id = imports.preview(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new ImportOptions(fileName, null, policy)).id();
        ImportResultView result = imports.commit(id, null);
        clock.advance(Duration.ofMinutes(1)); // what happens next happens later, as it would for a person
        return result;
    }

    private long id(String e164) {
        return contacts.findByPhone(e164).orElseThrow().id();
    }

    private boolean stored(String e164) {
        return contacts.findByPhone(e164).isPresent();
    }

    @Test
    void removesTheUntouchedContactsItAddedAndKeepsWhatBecameTheUsersOwn() {
        long before = commands.create(new NewContact("+39 349 0000001", "Stored before", null, null, null)).id();
        clock.advance(Duration.ofMinutes(1));
        ImportResultView result = importCsv("wrong.csv", """
                phone,name,tags,city
                +39 333 0000001,Untouched,wrong,Roma
                +39 333 0000002,Queued for,wrong,
                +39 333 0000003,Edited,,
                +39 333 0000004,Opted out,,
                +39 333 0000005,Reminded,,
                +39 333 0000006,Written to,,
                +39 349 0000001,Filled in,wrong,Milano
                """, DuplicatePolicy.MERGE);
        assertThat(result.created()).isEqualTo(6);
        assertThat(result.merged()).isEqualTo(1);

        OutboxEntryView queued = sendMessages.send(SendCommand.scheduled(id("+393330000002"), null, "Tomorrow",
                clock.instant().plus(Duration.ofHours(20)), "queued-1"));
        commands.update(id("+393330000003"), new ContactEdit("Edited by hand", null, null, null, null));
        commands.update(id("+393330000004"), new ContactEdit(null, null, null, null, true));
        reminders.remind(id("+393330000005"), 3, "call back");
        OutboxEntryView sent = sendMessages.send(SendCommand.scheduled(id("+393330000006"), null, "Hello",
                clock.instant().plus(Duration.ofHours(20)), "sent-1"));
        jdbc.update("update outbox_entry set state = 'SENT', sent_at = ? where id = ?", java.sql.Timestamp.from(clock.instant()),
                sent.id());
        long lateComer = commands.create(new NewContact("+39 333 0000099", "Added after", null, null, null)).id();

        ImportUndoView plan = history.undoPlan(result.importId());
        assertThat(plan.record().fileName()).isEqualTo("wrong.csv");
        assertThat(plan.record().undoable()).isTrue();
        assertThat(plan.stillThere()).isEqualTo(6);
        assertThat(plan.removed()).isEqualTo(2);
        assertThat(plan.keptOptedOut()).isEqualTo(1);
        assertThat(plan.keptInUse()).as("a reminder, a message that left").isEqualTo(2);
        assertThat(plan.keptChanged()).isEqualTo(1);
        assertThat(stored("+393330000001")).as("a plan changes nothing").isTrue();

        ImportUndoView done = history.undo(result.importId());
        assertThat(done.removed()).isEqualTo(2);
        assertThat(done.kept()).isEqualTo(4);
        assertThat(done.cancelledMessages()).isOne();
        assertThat(done.record().undone()).isTrue();
        assertThat(done.record().removed()).isEqualTo(2);
        assertThat(events.committed()).contains(new ContactsRemoved(2));

        assertThat(stored("+393330000001")).isFalse();
        assertThat(stored("+393330000002")).isFalse();
        assertThat(outbox.get(queued.id()).state()).as("nothing goes out to a removed contact").isEqualTo(OutboxState.CANCELLED);
        assertThat(List.of("+393330000003", "+393330000004", "+393330000005", "+393330000006")).allMatch(this::stored);
        assertThat(outbox.get(sent.id()).state()).isEqualTo(OutboxState.SENT);
        assertThat(contacts.get(before).displayName()).as("a contact stored before is never removed").isEqualTo("Stored before");
        assertThat(contacts.get(before).fields()).as("what the import filled in stays").containsEntry("city", "Milano");
        assertThat(contacts.get(lateComer).displayName()).isEqualTo("Added after");
        assertThat(jdbc.queryForObject("select count(*) from contact_field f join contact c on c.id = f.contact_id"
                + " where c.phone_e164 = '+393330000001'", Long.class)).isZero();
        assertThat(contacts.search(ContactSearch.of(ContactFilter.text("untouched"), null)).total())
                .as("the contact list forgets them at once").isZero();
        assertThat(contacts.search(ContactSearch.of(ContactFilter.text("edited by hand"), null)).total()).isOne();

        assertThatThrownBy(() -> history.undo(result.importId())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("removed already");
        assertThat(history.undoPlan(result.importId()).record().undoable()).isFalse();
    }

    @Test
    void undoingOneImportLeavesTheOthersAndTheHistoryListsThemNewestFirst() {
        ImportResultView first = importCsv("first.csv", "phone,name\n+39 333 1000001,One\n+39 333 1000002,Two\n", null);
        ImportResultView second = importCsv("second.csv", "phone,name\n+39 333 2000001,Three\n", null);
        ImportResultView third = importCsv("third.csv", "phone,name\n+39 333 1000001,One again\n", DuplicatePolicy.SKIP);
        assertThat(third.created()).isZero();

        assertThat(history.recent(10)).extracting(ImportRecordView::fileName, ImportRecordView::created, ImportRecordView::undoable)
                .containsExactly(org.assertj.core.api.Assertions.tuple("third.csv", 0, false),
                        org.assertj.core.api.Assertions.tuple("second.csv", 1, true),
                        org.assertj.core.api.Assertions.tuple("first.csv", 2, true));
        assertThatThrownBy(() -> history.undo(third.importId())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("added no contact");

        assertThat(history.undo(first.importId()).removed()).isEqualTo(2);
        assertThat(stored("+393331000001")).isFalse();
        assertThat(stored("+393332000001")).as("another import's contact").isTrue();
        assertThat(history.undoPlan(second.importId()).removed()).isOne();
        assertThat(history.recent(10).get(2).removed()).isEqualTo(2);
        assertThatThrownBy(() -> history.undoPlan(999_999)).isInstanceOf(NotFoundException.class);
    }

    @Autowired it.mssg.core.api.TagCommands tagCommands;

    @Test
    void contactsTaggedOrUntaggedInTheListSinceAreKept() {
        long vip = tagCommands.create(new it.mssg.core.api.NewTag("vip", null)).id();
        ImportResultView result = importCsv("tagged.csv", "phone,tags\n+39 333 5000001,\n+39 333 5000002,\n+39 333 5000003,vip\n", null);
        commands.tag(new it.mssg.core.api.BulkTagging(java.util.Set.of(id("+393335000001")), vip));
        commands.untag(new it.mssg.core.api.BulkTagging(java.util.Set.of(id("+393335000003")), vip));
        commands.untag(new it.mssg.core.api.BulkTagging(java.util.Set.of(id("+393335000002")), vip)); // had no tag: no change
        ImportUndoView plan = history.undoPlan(result.importId());
        assertThat(plan.keptChanged()).isEqualTo(2);
        assertThat(plan.removed()).isOne();
        assertThat(contacts.get(id("+393335000001")).updatedAt()).isEqualTo(clock.instant());
    }

    @Autowired it.mssg.core.api.Campaigns campaigns;

    @Test
    void tagsLeftBehindByAnUndoneImportGoInOneStepButLabelsAndTagsACampaignNamesStay() {
        ImportResultView result = importCsv("tags.csv", "phone,tags\n+39 333 7700001,promo|spring\n+39 333 7700002,kept\n", null);
        long keptByContact = commands.create(new NewContact("+39 349 7700009", "Stays", null, null,
                java.util.Set.of(jdbc.queryForObject("select id from tag where name_key = 'kept'", Long.class)))).id();
        campaigns.create(new it.mssg.core.api.CampaignDraft("Spring", "spring", "Ciao"));
        jdbc.update("insert into tag (name, name_key, color, wa_label_id, created_at) values ('Label', 'label', '#aa0000', 'L1',"
                + " current_timestamp)");
        history.undo(result.importId());

        assertThat(tagCommands.deleteUnused()).isOne(); // promo
        assertThat(jdbc.queryForList("select name_key from tag order by name_key", String.class))
                .containsExactly("kept", "label", "spring");
        assertThat(contacts.get(keptByContact).tags()).extracting("name").containsExactly("kept");
        assertThat(tagCommands.deleteUnused()).isZero();
    }

    @Autowired it.mssg.core.store.ImportHistoryStore store;

    /** Between reading the plan and removing, an opt-out or an edit may come in: the removal checks again. */
    @Test
    void aContactTouchedAfterThePlanWasReadIsNotRemoved() {
        importCsv("late.csv", "phone\n+39 333 4000001\n+39 333 4000002\n+39 333 4000003\n", null);
        List<Long> planned = List.of(id("+393334000001"), id("+393334000002"), id("+393334000003"));
        commands.update(planned.get(1), new ContactEdit(null, null, null, null, true));
        commands.update(planned.get(2), new ContactEdit("Renamed", null, null, null, null));
        assertThat(store.lockUntouched(planned)).containsExactly(planned.get(0));
    }

    @Autowired javax.sql.DataSource dataSource;

    @Test
    void anUndoThatMeetsAnotherWritersLockIsAConflictAndCanBeRunAgain() throws Exception {
        if (it.mssg.core.TestDatabase.postgres()) return; // PostgreSQL waits for a lock without a limit: no clash to provoke
        ImportResultView result = importCsv("locked.csv", "phone\n+39 333 6000001\n+39 333 6000002\n", null);
        ExecutorService other = Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            // another writer (a sync, say) holds one of the contacts in an open transaction
            Future<?> writer = other.submit(() -> {
                try (java.sql.Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    c.createStatement().executeUpdate("update contact set push_name = 'Sync' where phone_e164 = '+393336000002'");
                    locked.countDown();
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    c.rollback();
                }
                return null;
            });
            assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> history.undo(result.importId())).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("at the same time").hasMessageContaining("nothing was removed");
            assertThat(stored("+393336000001")).isTrue();
            assertThat(history.undoPlan(result.importId()).record().undoable()).as("not marked undone").isTrue();
            release.countDown();
            writer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        assertThat(history.undo(result.importId()).removed()).isEqualTo(2);
    }

    @Test
    void twoUndosAtOnceRemoveOnce() throws Exception {
        ImportResultView result = importCsv("twice.csv", "phone\n+39 333 3000001\n+39 333 3000002\n+39 333 3000003\n", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Object> undo = () -> {
                try {
                    return history.undo(result.importId());
                } catch (ConflictException e) {
                    return e;
                }
            };
            List<Future<Object>> both = pool.invokeAll(List.of(undo, undo));
            List<Object> outcomes = List.of(both.get(0).get(), both.get(1).get());
            assertThat(outcomes).filteredOn(ImportUndoView.class::isInstance).singleElement()
                    .satisfies(v -> assertThat(((ImportUndoView) v).removed()).isEqualTo(3));
            assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from contact", Long.class)).isZero();
    }
}
