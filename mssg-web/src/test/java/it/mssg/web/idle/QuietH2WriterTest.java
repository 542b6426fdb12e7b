package it.mssg.web.idle;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** On a real H2 file database behind a real Hikari pool; the test drives the looks itself. */
class QuietH2WriterTest {

    @TempDir
    Path dir;

    private HikariDataSource hikari;

    private QuietH2Writer writer;

    private QuietH2Writer.Watched pool;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private void open(String settings) throws SQLException {
        hikari = new HikariDataSource();
        hikari.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE" + settings);
        hikari.setUsername("sa");
        writer = new QuietH2Writer(TimeUnit.HOURS.toMillis(1)); // no look of its own during the test
        pool = writer.watch(hikari);
        execute("create table note (id bigint primary key, text varchar(100))");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private MVStore store() throws SQLException {
        try (Connection c = hikari.getConnection()) {
            return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
        }
    }

    private static void awaitWritten(MVStore store, long withinMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(withinMs);
        while (store.hasUnsavedChanges() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void aQuietDatabaseLetsTheWriterSleepAndTakingAConnectionWakesItBeforeItIsHandedOut() throws Exception {
        open("");
        MVStore store = store();
        assertThat(store.getAutoCommitDelay()).isEqualTo(500); // H2's default WRITE_DELAY
        awaitWritten(store, 10_000);

        assertThat(writer.look()).as("first look: not yet known to be quiet").isFalse();
        assertThat(writer.look()).as("no connection taken since: quiet").isTrue();
        assertThat(store.getAutoCommitDelay()).isEqualTo(QuietH2Writer.IDLE_DELAY_MS);

        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            assertThat(store.getAutoCommitDelay()).as("set back before the connection is handed out").isEqualTo(500);
            s.execute("insert into note values (1, 'written within WRITE_DELAY')");
        }
        // the writer at 500 ms writes it within about 0.7 s; left asleep, it would not before 60 s (5 s: room for a slow host)
        awaitWritten(store, 5_000);
        assertThat(store.hasUnsavedChanges()).as("the commit reached the file within WRITE_DELAY").isFalse();
        assertThat(writer.idle()).isFalse();
    }

    @Test
    void aConnectionOutKeepsTheWriterAwake() throws Exception {
        open("");
        MVStore store = store();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("insert into note values (1, 'not committed yet')");
            writer.look();
            assertThat(writer.look()).isFalse();
            assertThat(writer.look()).isFalse();
            assertThat(store.getAutoCommitDelay()).isEqualTo(500);
            c.commit();
        }
    }

    @Test
    void committedDataNotYetWrittenKeepsTheWriterAwake() throws Exception {
        open(";WRITE_DELAY=2000"); // the writer writes within 2 s: long enough to look in between
        MVStore store = store();
        awaitWritten(store, 15_000);
        execute("insert into note values (1, 'committed, not yet written')");
        assertThat(store.hasUnsavedChanges()).isTrue();
        writer.look();
        assertThat(writer.look()).isFalse();
        assertThat(store.getAutoCommitDelay()).isEqualTo(2_000);
        awaitWritten(store, 15_000);
        assertThat(writer.look()).as("written now, and nothing taken since").isTrue();
    }

    @Test
    void noConnectionIsEverHandedOutWhileTheWriterSleeps() throws Exception {
        open("");
        MVStore store = store();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger wentIdle = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread looker = new Thread(() -> {
            while (running.get()) {
                if (writer.look()) {
                    wentIdle.incrementAndGet();
                }
            }
        });
        looker.start();
        int taken = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        try {
            while (System.nanoTime() < end && failure.get() == null) {
                try (Connection c = pool.getConnection()) {
                    taken++;
                    if (store.getAutoCommitDelay() != 500) {
                        failure.set(new AssertionError("connection " + taken + " handed out while H2's writer sleeps"));
                    }
                }
                Thread.sleep(taken % 4); // gaps of 0–3 ms, so the looker sees quiet spells
            }
        } finally {
            running.set(false);
            looker.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(wentIdle.get()).as("the race was run: the writer went to sleep between connections").isGreaterThan(3);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "jdbc:h2:file:/data/db/mssg;DB_CLOSE_ON_EXIT=FALSE, true",
            "jdbc:h2:./data/db/mssg, true",
            "jdbc:h2:mem:test, false",
            "jdbc:h2:tcp://localhost/~/test, false",
            "jdbc:postgresql://localhost/mssg, false"})
    void watchesOnlyAnH2FileDatabaseOpenedInThisProcess(String url, boolean watched) {
        assertThat(QuietH2Writer.isH2File(url)).isEqualTo(watched);
    }

    @Configuration(proxyBeanMethods = false)
    static class App {

        @Bean
        static QuietH2Writer quietH2Writer() {
            return new QuietH2Writer();
        }

        @Bean
        HikariDataSource dataSource() {
            HikariDataSource h = new HikariDataSource();
            h.setJdbcUrl("jdbc:h2:file:" + System.getProperty("quiet-h2-test.db") + ";DB_CLOSE_ON_EXIT=FALSE");
            h.setUsername("sa");
            return h;
        }
    }

    @Test
    void theAppsPoolIsWatchedAndStillClosedWithTheApp() throws Exception {
        System.setProperty("quiet-h2-test.db", dir.resolve("app").toString());
        HikariDataSource underneath;
        try (AnnotationConfigApplicationContext app = new AnnotationConfigApplicationContext(App.class)) {
            DataSource seen = app.getBean(DataSource.class);
            assertThat(seen).isInstanceOf(QuietH2Writer.Watched.class);
            underneath = seen.unwrap(HikariDataSource.class);
            try (Connection c = seen.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
        } finally {
            System.clearProperty("quiet-h2-test.db");
        }
        assertThat(underneath.isClosed()).as("Spring closed the pool through the wrapper").isTrue();
    }
}
