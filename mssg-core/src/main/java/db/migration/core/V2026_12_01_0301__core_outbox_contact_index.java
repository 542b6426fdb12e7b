package db.migration.core;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * An index on {@code outbox_entry.contact_id} for PostgreSQL only. Deleting contacts sets that column to null in the
 * outbox (and a contact's page lists its entries): without the index PostgreSQL scans the whole outbox for every
 * contact deleted (removing the contacts of a large import: contacts × outbox rows). H2 made this index itself for
 * the foreign key when the table was created, so a second one there would only slow every enqueue down.
 */
public class V2026_12_01_0301__core_outbox_contact_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) return;
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("create index ix_outbox_contact on outbox_entry (contact_id)");
        }
    }
}
