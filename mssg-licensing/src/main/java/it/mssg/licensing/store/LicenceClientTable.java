package it.mssg.licensing.store;

import it.mssg.licensing.application.LicenceStore;
import it.mssg.licensing.domain.InstallIds;
import it.mssg.licensing.domain.StoredLicence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Keeps the licence client's record in the one row of {@code licence_client}, created with a new install id on first use. */
@Component
class LicenceClientTable implements LicenceStore {

    private static final int THE_ROW = 1;

    private final JdbcClient jdbc;

    LicenceClientTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public StoredLicence load() {
        return stored().orElseGet(() -> {
            StoredLicence fresh = StoredLicence.fresh(InstallIds.newInstallId());
            insert(fresh);
            return fresh;
        });
    }

    @Override
    @Transactional
    public void save(StoredLicence licence) {
        Optional<String> installId = jdbc.sql("SELECT install_id FROM licence_client WHERE id = ?").param(THE_ROW)
                .query(String.class).optional();
        if (installId.isEmpty()) {
            insert(licence);
            return;
        }
        if (!installId.get().equals(licence.installId())) {
            throw new IllegalStateException("the install id never changes");
        }
        jdbc.sql("UPDATE licence_client SET licence_token = ?, licence_id = ?, licence_status = ?, email = ?,"
                        + " last_seen_at = ?, last_refreshed_at = ? WHERE id = ?")
                .params(licence.token(), licence.licenceId(), licence.status(), licence.email(), time(licence.lastSeenAt()),
                        time(licence.lastRefreshedAt()), THE_ROW)
                .update();
    }

    private Optional<StoredLicence> stored() {
        return jdbc.sql("SELECT * FROM licence_client WHERE id = ?").param(THE_ROW).query(LicenceClientTable::licence).optional();
    }

    private void insert(StoredLicence licence) {
        jdbc.sql("INSERT INTO licence_client (id, install_id, licence_token, licence_id, licence_status, email, last_seen_at,"
                        + " last_refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(THE_ROW, licence.installId(), licence.token(), licence.licenceId(), licence.status(), licence.email(),
                        time(licence.lastSeenAt()), time(licence.lastRefreshedAt()))
                .update();
    }

    private static StoredLicence licence(ResultSet row, int rowNumber) throws SQLException {
        return new StoredLicence(row.getString("install_id"), row.getString("licence_token"), row.getString("licence_id"),
                row.getString("licence_status"), row.getString("email"), instant(row, "last_seen_at"),
                instant(row, "last_refreshed_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
