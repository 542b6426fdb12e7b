package it.mssg.licensing;

import it.mssg.licensing.application.LicenceStore;
import it.mssg.licensing.domain.StoredLicence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The licence client's one stored record in the app's database (H2, or PostgreSQL with
 * {@code -Dmssg.test.db=postgresql}): created on first use, read back as saved, its install id never replaced.
 */
@SpringBootTest(classes = ClientTestApplication.class, properties = {
        "spring.main.web-application-type=none",
        "spring.datasource.url=jdbc:h2:mem:licence-store-it;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/licensing",
        "mssg.licensing.refresh-interval=PT24H"})
class LicenceStoreIT {

    /** Microseconds: what both databases keep of an instant. */
    static final Instant T0 = Instant.parse("2026-11-30T08:15:30.123456Z");

    @Autowired LicenceStore store;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void noRecordYet() {
        jdbc.sql("DELETE FROM licence_client").update();
    }

    private List<String> rows() {
        return jdbc.sql("SELECT id, install_id, licence_status FROM licence_client")
                .query((row, n) -> row.getInt(1) + " " + row.getString(2) + " " + row.getString(3)).list();
    }

    @Test
    void theFirstLoadCreatesTheOneRowWithANewInstallId() {
        StoredLicence first = store.load();

        assertThat(first.installId()).isNotBlank();
        assertThat(first).isEqualTo(StoredLicence.fresh(first.installId()));
        assertThat(store.load()).isEqualTo(first);
        assertThat(rows()).containsExactly("1 " + first.installId() + " null");
    }

    @Test
    void everyFieldIsReadBackAsSaved() {
        String installId = store.load().installId();
        StoredLicence full = new StoredLicence(installId, "token.body.signature", "mssg-ABCDE", "ACTIVE", "buyer@example.com",
                T0, T0.minusSeconds(3600));

        store.save(full);
        assertThat(store.load()).isEqualTo(full);

        StoredLicence cleared = new StoredLicence(installId, null, null, null, null, T0.plusSeconds(1), null);
        store.save(cleared);
        assertThat(store.load()).isEqualTo(cleared);
        assertThat(rows()).containsExactly("1 " + installId + " null");
    }

    @Test
    void aSaveBeforeAnyLoadStoresTheRecord() {
        StoredLicence licence = new StoredLicence("0123456789abcdef0123456789abcdef", null, null, "TRIALING", null, T0, null);

        store.save(licence);

        assertThat(store.load()).isEqualTo(licence);
        assertThat(rows()).containsExactly("1 0123456789abcdef0123456789abcdef TRIALING");
    }

    @Test
    void anotherInstallIdIsRefusedAndChangesNothing() {
        StoredLicence stored = store.load().withEmail("me@example.com");
        store.save(stored);

        assertThatThrownBy(() -> store.save(new StoredLicence("ffffffffffffffffffffffffffffffff", "t", "l", "ACTIVE",
                null, T0, T0))).isInstanceOf(IllegalStateException.class).hasMessageContaining("install id");

        assertThat(store.load()).isEqualTo(stored);
    }
}
