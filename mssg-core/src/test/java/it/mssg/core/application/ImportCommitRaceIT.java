package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.TestDatabase;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactImport;
import it.mssg.core.api.DuplicatePolicy;
import it.mssg.core.api.ImportOptions;
import it.mssg.core.api.ImportPreviewView;
import it.mssg.core.api.ImportResultView;
import it.mssg.core.api.NewContact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An import committed while another writer holds a contact it must update: said in words, the preview kept. */
class ImportCommitRaceIT extends CoreIntegrationTest {

    @Autowired ContactImport imports;
    @Autowired ContactCommands commands;
    @Autowired DataSource dataSource;

    @Test
    void aCommitThatMeetsAnotherWritersLockIsAConflictAndCanBeCommittedAgain() throws Exception {
        if (TestDatabase.postgres()) return; // PostgreSQL waits for a lock without a limit: no clash to provoke there
        commands.create(new NewContact("+39 349 1234567", "Already here", null, null, null));
        ImportPreviewView preview = imports.preview(new ByteArrayInputStream(
                "phone,name,notes\n+39 349 1234567,Other,from the file\n+39 333 0000001,New,\n".getBytes(StandardCharsets.UTF_8)),
                new ImportOptions("people.csv", null, DuplicatePolicy.MERGE));

        ExecutorService other = Executors.newSingleThreadExecutor();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            // another writer (a sync, say) holds the stored contact's row in an open transaction
            Future<?> writer = other.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    c.createStatement().executeUpdate("update contact set push_name = 'Sync' where phone_e164 = '+393491234567'");
                    locked.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    c.rollback();
                }
                return null;
            });
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> imports.commit(preview.id(), null)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("at the same time").hasMessageContaining("Import it again");
            assertThat(jdbc.queryForObject("select count(*) from contact", Long.class)).isEqualTo(1);
            release.countDown();
            writer.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }

        ImportResultView again = imports.commit(preview.id(), null);
        assertThat(again.created()).isEqualTo(1);
        assertThat(again.merged()).isEqualTo(1);
    }
}
