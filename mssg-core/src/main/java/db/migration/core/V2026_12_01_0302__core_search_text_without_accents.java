package db.migration.core;

import it.mssg.core.domain.ContactText;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Contacts' search text without accents ({@link ContactText#searchForm}), as it is now written, so that a search
 * typed without them finds names stored before. Only rows whose text changes are written (names with accents).
 */
public class V2026_12_01_0302__core_search_text_without_accents extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement read = context.getConnection().createStatement();
             ResultSet rs = read.executeQuery("select id, search_text from contact");
             PreparedStatement write = context.getConnection().prepareStatement("update contact set search_text = ? where id = ?")) {
            int pending = 0;
            while (rs.next()) {
                String stored = rs.getString(2);
                String folded = ContactText.searchForm(stored);
                if (folded.equals(stored)) continue;
                write.setString(1, folded.length() > ContactText.MAX_SEARCH ? folded.substring(0, ContactText.MAX_SEARCH) : folded);
                write.setLong(2, rs.getLong(1));
                write.addBatch();
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) write.executeBatch();
        }
    }
}
