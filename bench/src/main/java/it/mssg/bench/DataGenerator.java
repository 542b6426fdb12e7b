package it.mssg.bench;

import it.mssg.core.domain.ContactText;
import org.flywaydb.core.Flyway;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a benchmark data set into a data folder the app opens as it is: the H2 file database at
 * {@code <data-dir>/db/mssg}, its schema made by the app's own Flyway migrations (every module's folder, so the
 * app finds nothing pending), rows written by batched JDBC inserts with the derived columns computed by core's
 * {@link ContactText}. Deterministic for a given size and seed.
 *
 * <p>Contacts get Italian mobile numbers {@code +39 333 nnnnnnn}; the first {@code chats} contacts each have a
 * chat with {@code messages / chats} messages, alternating inbound and outbound, one minute apart, ending now.
 */
final class DataGenerator {

    /** The same folders, in the same order, as {@code spring.flyway.locations} in the app's application.yml. */
    static final String[] MIGRATIONS = {"classpath:db/migration/core", "classpath:db/migration/agent",
            "classpath:db/migration/licensing", "classpath:db/migration/web"};

    private static final String[] FIRST = {"Giulia", "Marco", "Sofia", "Luca", "Aurora", "Matteo", "Alice", "Leonardo",
            "Emma", "Francesco", "Giorgia", "Alessandro", "Greta", "Lorenzo", "Martina", "Andrea", "Chiara", "Tommaso",
            "Anna", "Riccardo", "Sara", "Gabriele", "Elena", "Davide", "Noemi", "Pietro", "Beatrice", "Filippo"};
    private static final String[] LAST = {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
            "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
            "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara"};
    private static final String[] WORDS = {"ciao", "hello", "when", "do", "you", "open", "tomorrow", "price", "order",
            "delivery", "thanks", "ok", "see", "you", "at", "the", "shop", "is", "it", "ready", "can", "I", "pick", "up",
            "please", "send", "me", "the", "menu", "great", "perfect", "how", "much", "for", "two", "table", "tonight"};
    private static final String[] TAGS = {"customer", "supplier", "vip", "lead", "newsletter", "milan", "rome", "turin",
            "wholesale", "retail", "friend", "family", "event-2026", "late-payer", "b2b", "b2c", "inactive", "new",
            "follow-up", "partner"};

    static final String TERMS_VERSION = "2026-11";

    record Size(int contacts, int chats, int messages, int csvRows) {
        static final Size FULL = new Size(100_000, 1_000, 1_000_000, 100_000);
    }

    record Summary(long contacts, long tags, long contactTags, long chats, long messages, Path csv, long millis) {
    }

    private final Size size;
    private final Random random;

    DataGenerator(Size size, long seed) {
        if (size.contacts < size.chats || size.chats <= 0 || size.messages < size.chats) {
            throw new IllegalArgumentException("need contacts >= chats > 0 and messages >= chats: " + size);
        }
        this.size = size;
        this.random = new Random(seed);
    }

    static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("mssg") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Where the data set goes: the H2 file in {@code <data-dir>/db/}, as the app keeps it; or the database that
     * {@code SPRING_DATASOURCE_URL} (with {@code _USERNAME} and {@code _PASSWORD}) names, e.g. an empty PostgreSQL
     * database. The app reads the same variables, so a command started with them set measures the app on that database.
     */
    record Target(String url, String user, String password, boolean h2File) {

        static Target of(Path dataDir) {
            String url = System.getenv("SPRING_DATASOURCE_URL");
            if (url == null || url.isBlank()) return new Target(jdbcUrl(dataDir), "mssg", "", true);
            return new Target(url, System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", ""),
                    System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""), false);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** Creates the database (which must not hold a data set yet, see {@link Target}) and the import CSV in {@code dataDir}. */
    Summary generate(Path dataDir) throws SQLException, IOException {
        long t0 = System.nanoTime();
        Target target = Target.of(dataDir);
        Path db = dataDir.resolve("db");
        if (target.h2File() && Files.exists(db.resolve("mssg.mv.db"))) {
            throw new IllegalStateException("a database already exists in " + db + "; use an empty data folder");
        }
        Files.createDirectories(target.h2File() ? db : dataDir);
        Flyway.configure().dataSource(target.url(), target.user(), target.password()).locations(MIGRATIONS).load().migrate();
        Instant now = Instant.now();
        try (Connection c = target.connect()) {
            if (count(c, "contact") > 0) throw new IllegalStateException(target.url() + " holds contacts already; use an empty database");
            c.setAutoCommit(false);
            insertTags(c, now);
            insertContacts(c, now);
            insertContactTags(c);
            insertChats(c, now);
            insertMessages(c, now);
            acknowledgeFirstRun(c, now);
            c.commit();
        }
        Path csv = dataDir.resolve("import-" + size.csvRows + ".csv");
        writeImportCsv(csv, size.csvRows);
        Summary summary;
        try (Connection c = target.connect()) {
            summary = new Summary(count(c, "contact"), count(c, "tag"), count(c, "contact_tag"), count(c, "chat"),
                    count(c, "message"), csv, (System.nanoTime() - t0) / 1_000_000);
        }
        if (target.h2File()) compact(target.url());
        return summary;
    }

    /**
     * Rewrites the file as H2 keeps a database the app has written over time. Written in one transaction, the data set
     * leaves a file five times its data (581 MB for 117 MB) with chunks about 60 % full, and H2's background writer then
     * spends the first seconds of every start on a fresh copy compacting it: about 4 s of CPU competing with the start
     * itself on two cores. The app's own writes are small and H2 compacts behind them as they come.
     */
    static void compact(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "mssg", ""); Statement s = c.createStatement()) {
            s.execute("shutdown compact");
        }
    }

    /** H2's share of live data in the file's chunks, in percent. */
    static int chunksFillRate(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select setting_value from information_schema.settings where setting_name = 'info.CHUNKS_FILL_RATE'")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String phone(int i) {
        return "+39333" + String.format("%07d", i);
    }

    /** Import rows use another prefix, so an import into the generated data set adds new contacts. */
    static String importPhone(int i) {
        return "+39347" + String.format("%07d", i);
    }

    private String name() {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    private static OffsetDateTime at(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private void insertTags(Connection c, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "insert into tag (name, name_key, color, created_at) values (?, ?, ?, ?)")) {
            for (String tag : TAGS) {
                p.setString(1, tag);
                p.setString(2, tag);
                p.setString(3, String.format("#%06x", random.nextInt(0x1000000)));
                p.setObject(4, at(now));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void insertContacts(Connection c, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into contact (wa_id, phone_e164, display_name, push_name,"
                + " business, notes, opted_out, source, search_text, sort_name, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, null, false, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < size.contacts; i++) {
                String e164 = phone(i);
                String waId = e164.substring(1) + "@c.us";
                String display = random.nextInt(10) < 8 ? name() : null;
                String push = random.nextInt(10) < 6 ? FIRST[random.nextInt(FIRST.length)] : null;
                Instant created = now.minusSeconds(60L * (size.contacts - i));
                p.setString(1, waId);
                p.setString(2, e164);
                p.setString(3, display);
                p.setString(4, push);
                p.setBoolean(5, random.nextInt(50) == 0);
                p.setString(6, random.nextBoolean() ? "WHATSAPP" : "CSV");
                p.setString(7, ContactText.searchText(display, push, e164, waId));
                p.setString(8, ContactText.sortName(display, push, e164, waId));
                p.setObject(9, at(created));
                p.setObject(10, at(created));
                p.addBatch();
                if (i % 5_000 == 4_999) p.executeBatch();
            }
            p.executeBatch();
        }
    }

    private void insertContactTags(Connection c) throws SQLException {
        List<Long> contactIds = ids(c, "contact");
        List<Long> tagIds = ids(c, "tag");
        try (PreparedStatement p = c.prepareStatement("insert into contact_tag (contact_id, tag_id) values (?, ?)")) {
            int n = 0;
            for (long contact : contactIds) {
                int tags = random.nextInt(4); // 0–3 tags, distinct
                int first = random.nextInt(tagIds.size());
                for (int k = 0; k < tags; k++) {
                    p.setLong(1, contact);
                    p.setLong(2, tagIds.get((first + k * 7) % tagIds.size()));
                    p.addBatch();
                    if (++n % 10_000 == 0) p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    private void insertChats(Connection c, Instant now) throws SQLException {
        List<Long> contactIds = ids(c, "contact");
        try (PreparedStatement p = c.prepareStatement("insert into chat (wa_id, is_group, name, unread_count,"
                + " last_activity, contact_id, created_at, updated_at) values (?, false, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < size.chats; i++) {
                Instant last = now.minusSeconds(600L * i);
                p.setString(1, phone(i).substring(1) + "@c.us");
                p.setString(2, null);
                p.setInt(3, random.nextInt(4) == 0 ? random.nextInt(5) + 1 : 0);
                p.setObject(4, at(last));
                p.setLong(5, contactIds.get(i));
                p.setObject(6, at(now.minusSeconds(86_400L * 365)));
                p.setObject(7, at(last));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void insertMessages(Connection c, Instant now) throws SQLException {
        List<Long> chatIds = ids(c, "chat");
        int perChat = size.messages / size.chats;
        int extra = size.messages - perChat * size.chats;
        try (PreparedStatement p = c.prepareStatement("insert into message (wa_message_id, chat_id, direction,"
                + " author_wa_id, body, msg_type, sent_at, status, created_at) values (?, ?, ?, ?, ?, 'chat', ?, ?, ?)")) {
            long n = 0;
            for (int ci = 0; ci < chatIds.size(); ci++) {
                String chatWa = phone(ci).substring(1) + "@c.us";
                Instant last = now.minusSeconds(600L * ci);
                int count = perChat + (ci < extra ? 1 : 0);
                for (int m = 0; m < count; m++) {
                    boolean inbound = m % 2 == 0;
                    Instant sent = last.minusSeconds(60L * (count - 1 - m));
                    p.setString(1, (inbound ? "false_" : "true_") + chatWa + "_BENCH" + ci + "x" + m);
                    p.setLong(2, chatIds.get(ci));
                    p.setString(3, inbound ? "INBOUND" : "OUTBOUND");
                    p.setString(4, inbound ? chatWa : null);
                    p.setString(5, sentence());
                    p.setObject(6, at(sent));
                    p.setString(7, inbound ? "DELIVERED" : "READ");
                    p.setObject(8, at(sent));
                    p.addBatch();
                    if (++n % 10_000 == 0) {
                        p.executeBatch();
                        c.commit();
                    }
                }
            }
            p.executeBatch();
        }
    }

    private String sentence() {
        int words = 3 + random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) b.append(' ');
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    /**
     * Marks the first-run screen as done (terms {@value #TERMS_VERSION}, core's default), as for a user who
     * has used the app for a while; otherwise every dashboard page would lead to the welcome screen.
     */
    private static void acknowledgeFirstRun(Connection c, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "insert into setting (setting_key, setting_value, updated_at) values (?, ?, ?)")) {
            for (String[] kv : new String[][]{{"core.ack.terms-version", TERMS_VERSION}, {"core.ack.accepted-at", now.toString()}}) {
                p.setString(1, kv[0]);
                p.setString(2, kv[1]);
                p.setObject(3, at(now));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static List<Long> ids(Connection c, String table) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from " + table + " order by id")) {
            while (rs.next()) ids.add(rs.getLong(1));
        }
        return ids;
    }

    /** A contact import file as people export it from a spreadsheet: name, phone, email, tags, a note. */
    void writeImportCsv(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("name,phone,email,tags,notes\n");
            for (int i = 0; i < rows; i++) {
                String name = name();
                String email = name.toLowerCase().replace(' ', '.') + i + "@example.com";
                String tags = TAGS[random.nextInt(TAGS.length)] + (random.nextBoolean() ? ";" + TAGS[random.nextInt(TAGS.length)] : "");
                String notes = random.nextInt(5) == 0 ? "\"met at the fair, \"\"ask for a quote\"\"\"" : "";
                w.write(name + "," + importPhone(i) + "," + email + "," + tags + "," + notes + "\n");
            }
        }
    }
}
