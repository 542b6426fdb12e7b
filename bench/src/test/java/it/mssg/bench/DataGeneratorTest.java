package it.mssg.bench;

import it.mssg.core.domain.ContactText;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A small data set, generated as the big one is, is complete, consistent and the database the app expects. */
class DataGeneratorTest {

    @TempDir
    Path dataDir;

    @Test
    void writesTheAskedSizesIntoADatabaseWithNothingPending() throws Exception {
        DataGenerator.Summary s = new DataGenerator(new DataGenerator.Size(500, 20, 1_003, 300), 42).generate(dataDir);

        assertThat(s.contacts()).isEqualTo(500);
        assertThat(s.chats()).isEqualTo(20);
        assertThat(s.messages()).isEqualTo(1_003);
        assertThat(s.tags()).isEqualTo(20);
        assertThat(s.contactTags()).isBetween(300L, 1_200L);

        Flyway flyway = Flyway.configure().dataSource(DataGenerator.jdbcUrl(dataDir), "mssg", "")
                .locations(DataGenerator.MIGRATIONS).load();
        assertThat(flyway.info().pending()).as("the app finds no migration left to run").isEmpty();
        flyway.validate();
    }

    @Test
    void leavesTheFileCompactedAsARunningAppKeepsIt() throws Exception {
        new DataGenerator(new DataGenerator.Size(2_000, 50, 20_000, 1_000), 7).generate(dataDir);

        try (Connection c = DriverManager.getConnection(DataGenerator.jdbcUrl(dataDir), "mssg", "")) {
            assertThat(DataGenerator.chunksFillRate(c)).as("live data in the file's chunks, percent").isGreaterThanOrEqualTo(98);
        }
    }

    @Test
    void derivedColumnsAndLinksAreThoseTheAppWrites() throws Exception {
        new DataGenerator(new DataGenerator.Size(200, 10, 100, 10), 1).generate(dataDir);
        try (Connection c = DriverManager.getConnection(DataGenerator.jdbcUrl(dataDir), "mssg", "");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select display_name, push_name, phone_e164, wa_id, search_text, sort_name from contact")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertThat(rs.getString(5)).isEqualTo(ContactText.searchText(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    assertThat(rs.getString(6)).isEqualTo(ContactText.sortName(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    assertThat(rs.getString(4)).isEqualTo(rs.getString(3).substring(1) + "@c.us");
                }
                assertThat(rows).isEqualTo(200);
            }
            try (ResultSet rs = st.executeQuery("select count(*) from chat ch join contact co on co.id = ch.contact_id"
                    + " where ch.wa_id = co.wa_id")) {
                rs.next();
                assertThat(rs.getInt(1)).as("every chat belongs to the contact with its WhatsApp id").isEqualTo(10);
            }
            try (ResultSet rs = st.executeQuery("select count(*), count(distinct chat_id), min(direction), max(direction) from message")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(100);
                assertThat(rs.getInt(2)).isEqualTo(10);
                assertThat(rs.getString(3)).isEqualTo("INBOUND");
                assertThat(rs.getString(4)).isEqualTo("OUTBOUND");
            }
            try (ResultSet rs = st.executeQuery("select setting_value from setting where setting_key = 'core.ack.terms-version'")) {
                assertThat(rs.next()).as("the first-run screen is done").isTrue();
                assertThat(rs.getString(1)).isEqualTo(DataGenerator.TERMS_VERSION);
            }
        }
    }

    @Test
    void theImportFileHasAHeaderAndOneNewNumberPerRow() throws Exception {
        DataGenerator.Summary s = new DataGenerator(new DataGenerator.Size(50, 5, 50, 1_000), 3).generate(dataDir);
        List<String> lines = Files.readAllLines(s.csv());

        assertThat(lines).hasSize(1_001);
        assertThat(lines.get(0)).isEqualTo("name,phone,email,tags,notes");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).matches("[A-Za-z ]+,\\+39347\\d{7},[^,]+@example\\.com,[a-z0-9;-]+,.*"));
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[1]).distinct().count()).isEqualTo(1_000);
    }

    @Test
    void refusesAFolderThatAlreadyHoldsADatabase() throws Exception {
        DataGenerator generator = new DataGenerator(new DataGenerator.Size(10, 1, 1, 1), 1);
        generator.generate(dataDir);
        assertThatThrownBy(() -> generator.generate(dataDir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("already exists");
    }

    @Test
    void refusesSizesThatCannotBeLaidOut() {
        assertThatThrownBy(() -> new DataGenerator(new DataGenerator.Size(5, 10, 100, 1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
