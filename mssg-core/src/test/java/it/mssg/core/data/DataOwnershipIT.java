package it.mssg.core.data;

import com.jayway.jsonpath.JsonPath;
import it.mssg.core.TestDatabase;
import it.mssg.core.api.BackupView;
import it.mssg.core.api.Backups;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.DataExport;
import it.mssg.core.api.DataOwnership;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.NewTag;
import it.mssg.core.api.TagCommands;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delete everything, export, backup and restore, each on a core of its own started on its own data folder. */
class DataOwnershipIT {

    @TempDir
    Path temp;

    final String marker = "mk" + UUID.randomUUID().toString().replace("-", "");

    /** Contacts (name, notes, custom field, tag), a chat and messages, and a setting, all carrying the marker. */
    static void plant(ConfigurableApplicationContext ctx, String marker, int contacts, int messages) {
        long tag = ctx.getBean(TagCommands.class).create(new NewTag("tag-" + marker, "#aa0000")).id();
        ContactCommands commands = ctx.getBean(ContactCommands.class);
        for (int i = 0; i < contacts; i++) {
            commands.create(new NewContact("+39333100" + String.format("%04d", i), "Name " + marker + " " + i,
                    "notes " + marker, Map.of("city", "city-" + marker + "\n\"quoted\", " + i), Set.of(tag)));
        }
        InboundEvents inbound = ctx.getBean(InboundEvents.class);
        String wa = "393339990000@c.us";
        inbound.contactsSynced(List.of(new WaContact(wa, "Wa " + marker, "push " + marker, false, true, List.of())));
        inbound.chatsSynced(List.of(new WaChat(wa, "Chat " + marker, false, 0, Instant.now(), List.of())));
        List<WaMessage> batch = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            batch.add(new WaMessage("false_" + wa + "_M" + i, wa, null, i % 2 == 0, "body " + marker + " #" + i
                    + " <script>alert(1)</script>", "chat", Instant.now().minusSeconds(3600 - i), 3));
        }
        inbound.messagesReceived(batch);
        ctx.getBean(JdbcTemplate.class).update(
                "insert into setting (setting_key, setting_value, updated_at) values (?, ?, current_timestamp)",
                "test.marker", "setting " + marker);
    }

    static Map<String, Long> counts(ConfigurableApplicationContext ctx) {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        Map<String, Long> n = new HashMap<>();
        for (String t : List.of("contact", "contact_field", "contact_tag", "tag", "chat", "message", "setting")) {
            n.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class));
        }
        return n;
    }

    static List<Path> filesHolding(Path root, byte[] needle) throws IOException {
        if (!Files.exists(root)) return List.of();
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(f), needle) >= 0) hits.add(f);
            }
        }
        return hits;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void deleteEverythingLeavesNoFileWithAMarker() throws IOException {
        Path dir = temp.resolve("data");
        ConfigurableApplicationContext ctx = DataContexts.start(dir);
        try {
            plant(ctx, marker, 3, 4);
            byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
            // what the other parts of the app keep there: a browser profile, the token, a log file
            Files.createDirectories(dir.resolve("browser/Default"));
            Files.writeString(dir.resolve("browser/Default/History"), "visited " + marker);
            Files.writeString(dir.resolve("access-token"), "token-" + marker);
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(dir.resolve("logs/mssg.log"), "a line " + marker);
            if (!TestDatabase.postgres()) {
                Backups backups = ctx.getBean(Backups.class);
                assertThat(backups.backupNow().bytes()).isPositive();
                ctx.getBean(JdbcTemplate.class).execute("checkpoint sync");
                assertThat(filesHolding(dir.resolve("db"), needle)).as("the scan finds markers in the database file").isNotEmpty();
            }
            assertThat(filesHolding(dir, needle)).hasSizeGreaterThanOrEqualTo(3);

            DataOwnership ownership = ctx.getBean(DataOwnership.class);
            assertThatThrownBy(() -> ownership.deleteEverything("delete")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("DELETE");
            assertThat(ownership.everythingDeleted()).isFalse();
            assertThat(counts(ctx).get("contact")).isEqualTo(4L);

            ownership.deleteEverything("DELETE");

            assertThat(ownership.everythingDeleted()).isTrue();
            assertThat(filesHolding(dir, needle)).isEmpty();
            for (String gone : List.of("db", "browser", "access-token", "backups", "logs")) {
                assertThat(dir.resolve(gone)).doesNotExist();
            }
            // the pool is closed: nothing in this run can reopen (and re-create) the database
            assertThatThrownBy(() -> counts(ctx)).isInstanceOf(RuntimeException.class);
        } finally {
            ctx.close();
        }
        assertThat(filesHolding(dir, marker.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void exportHoldsEveryContactAndMessage() throws IOException {
        ConfigurableApplicationContext ctx = DataContexts.start(temp.resolve("data"));
        try {
            plant(ctx, marker, 25, 30);
            DataExport export = ctx.getBean(DataExport.class);
            assertThat(export.fileName()).matches("mssg-export-\\d{4}-\\d{2}-\\d{2}T\\d{4}\\.zip");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            export.writeZip(out);
            Map<String, String> entries = new HashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(entries).containsKeys("contacts.csv", "contacts.json", "tables/chat.csv", "tables/chat.json",
                    "tables/message.csv", "tables/message.json", "tables/tag.json", "tables/setting.json",
                    "tables/campaign.csv", "tables/message_template.json", "tables/contact_field.csv");

            // contacts: all 26 in both formats, with tags and custom fields
            List<Map<String, Object>> contacts = JsonPath.read(entries.get("contacts.json"), "$");
            assertThat(contacts).hasSize(26);
            for (int i = 0; i < 25; i++) {
                String phone = "+39333100" + String.format("%04d", i);
                assertThat(entries.get("contacts.csv")).contains(phone).contains("Name " + marker + " " + i);
                assertThat(contacts).anySatisfy(c -> {
                    assertThat(c.get("phone")).isEqualTo(phone);
                    assertThat((List<Object>) c.get("tags")).containsExactly("tag-" + marker);
                    assertThat(((Map<?, ?>) c.get("fields")).get("city")).asString().contains("\"quoted\"");
                });
            }
            assertThat(entries.get("contacts.csv")).contains("tag-" + marker);

            // messages: every body, one JSON object per row
            List<String> bodies = JsonPath.read(entries.get("tables/message.json"), "$[*].body");
            assertThat(bodies).hasSize(30);
            for (int i = 0; i < 30; i++) {
                assertThat(bodies).contains("body " + marker + " #" + i + " <script>alert(1)</script>");
                assertThat(entries.get("tables/message.csv")).contains("body " + marker + " #" + i);
            }
            assertThat(entries.get("tables/message.csv").lines().count()).isEqualTo(31);
            List<String> chats = JsonPath.read(entries.get("tables/chat.json"), "$[*].name");
            assertThat(chats).containsExactly("Chat " + marker);
            List<String> settings = JsonPath.read(entries.get("tables/setting.json"), "$[*].setting_value");
            assertThat(settings).contains("setting " + marker);
            // empty tables are still valid files
            assertThat((List<?>) JsonPath.read(entries.get("tables/campaign.json"), "$")).isEmpty();
        } finally {
            ctx.close();
        }
    }

    @Test
    void backupThenWipeThenRestoreGivesTheSameCounts() throws IOException {
        Path dir = temp.resolve("data");
        ConfigurableApplicationContext first = DataContexts.start(dir);
        Map<String, Long> before;
        BackupView backup;
        try {
            Backups backups = first.getBean(Backups.class);
            if (TestDatabase.postgres()) {
                // the PostgreSQL server keeps the files: pg_dump is the tool, and mssg says so
                assertThat(backups.supported()).isFalse();
                assertThatThrownBy(backups::backupNow).isInstanceOf(ConflictException.class).hasMessageContaining("pg_dump");
                return;
            }
            plant(first, marker, 12, 20);
            before = counts(first);
            assertThat(backups.supported()).isTrue();
            backup = backups.backupNow();
            assertThat(backups.list()).extracting(BackupView::fileName).containsExactly(backup.fileName());
            assertThat(Path.of(backup.path())).startsWith(dir.resolve("backups")).exists();
            // changes after the backup are not in it
            first.getBean(ContactCommands.class).create(new NewContact("+393331999999", "Later", null, Map.of(), Set.of()));
        } finally {
            first.close();
        }
        // keep the backup somewhere else, then wipe the whole data folder
        Path kept = Files.copy(Path.of(backup.path()), temp.resolve(backup.fileName()));
        DataOwnershipServiceFiles.removeTree(dir);
        assertThat(dir).doesNotExist();

        ConfigurableApplicationContext restored = DataContexts.start(dir, TestDatabase.fresh(dir), "--mssg.restore=" + kept);
        try {
            assertThat(counts(restored)).isEqualTo(before);
            assertThat(restored.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from message where body like ?", Long.class, "%" + marker + "%")).isEqualTo(20L);
        } finally {
            restored.close();
        }

        // the setting left in place: the next start does not restore the same file again
        DataContexts.start(dir, TestDatabase.fresh(dir), "--mssg.restore=" + kept).close();
        try (Stream<Path> db = Files.list(dir.resolve("db"))) {
            assertThat(db.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("mssg.mv.db.before-restore-"));
        }

        // a restore over an existing database keeps the old file beside it (a copy of the backup is a new restore)
        Path copy = Files.copy(kept, temp.resolve("copy-" + backup.fileName()));
        ConfigurableApplicationContext again = DataContexts.start(dir, TestDatabase.fresh(dir), "--mssg.restore=" + copy);
        again.close();
        try (Stream<Path> db = Files.list(dir.resolve("db"))) {
            assertThat(db.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("mssg.mv.db.before-restore-"));
        }
    }

    @Test
    void scheduledBackupsKeepOnlyTheNewestN() throws Exception {
        if (TestDatabase.postgres()) return;
        Path dir = temp.resolve("data");
        Map<String, String> db = TestDatabase.fresh(dir);
        ConfigurableApplicationContext ctx = DataContexts.start(dir, db, "--mssg.data.backup-every=1s", "--mssg.data.backups-kept=2");
        try {
            Backups backups = ctx.getBean(Backups.class);
            long deadline = System.currentTimeMillis() + 30_000;
            while (backups.list().size() < 2 && System.currentTimeMillis() < deadline) Thread.sleep(200);
            assertThat(backups.list()).as("backups taken on the schedule").hasSize(2);
            Thread.sleep(3_500);
            List<BackupView> kept = backups.list();
            assertThat(kept).hasSize(2);
            assertThat(kept.get(0).createdAt()).isAfter(kept.get(1).createdAt());
            // someone else's file in backups/ is left alone
            Path other = Files.writeString(dir.resolve("backups/notes.txt"), "mine");
            Thread.sleep(1_500);
            assertThat(other).exists();
        } finally {
            ctx.close();
        }
    }

    @Test
    void aFileThatIsNotABackupStopsTheStartAndChangesNothing() throws IOException {
        if (TestDatabase.postgres()) return;
        Path dir = temp.resolve("data");
        ConfigurableApplicationContext first = DataContexts.start(dir);
        Map<String, Long> before;
        try {
            plant(first, marker, 2, 2);
            before = counts(first);
        } finally {
            first.close();
        }
        Path notZip = Files.writeString(temp.resolve("notes.zip"), "not a zip");
        assertThatThrownBy(() -> DataContexts.start(dir, TestDatabase.fresh(dir), "--mssg.restore=" + notZip))
                .hasStackTraceContaining("is not a zip file");
        assertThatThrownBy(() -> DataContexts.start(dir, TestDatabase.fresh(dir), "--mssg.restore=" + temp.resolve("missing.zip")))
                .hasStackTraceContaining("no backup file at");
        Path junk = temp.resolve("junk.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(junk))) {
            z.putNextEntry(new java.util.zip.ZipEntry("mssg.mv.db"));
            z.write("junk".repeat(500).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        assertThatThrownBy(() -> DataContexts.start(dir, TestDatabase.fresh(dir), "--mssg.restore=" + junk))
                .hasStackTraceContaining("holds no database mssg can use");
        ConfigurableApplicationContext after = DataContexts.start(dir);
        try {
            assertThat(counts(after)).isEqualTo(before);
        } finally {
            after.close();
        }
    }
}
