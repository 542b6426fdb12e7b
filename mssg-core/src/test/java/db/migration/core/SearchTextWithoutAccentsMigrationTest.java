package db.migration.core;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextWithoutAccentsMigrationTest {

    @Test
    void storedSearchTextsLoseTheirAccentsAndTheOthersAreLeftAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:search-text-migration")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table contact (id bigint primary key, search_text varchar(600) not null)");
                s.execute("insert into contact values (1, 'niccolò rossi 393331234567 3331234567'), (2, 'anna 39333'),"
                        + " (3, 'zoë ümlaut'), (4, 'анна 😀')");
            }
            new V2026_12_01_0302__core_search_text_without_accents().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            });
            Map<Long, String> after = new LinkedHashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("select id, search_text from contact order by id")) {
                while (rs.next()) after.put(rs.getLong(1), rs.getString(2));
            }
            assertThat(after).containsExactly(Map.entry(1L, "niccolo rossi 393331234567 3331234567"),
                    Map.entry(2L, "anna 39333"), Map.entry(3L, "zoe umlaut"), Map.entry(4L, "анна 😀"));
        }
    }
}
