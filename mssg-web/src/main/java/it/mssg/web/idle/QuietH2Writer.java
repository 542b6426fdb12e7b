package it.mssg.web.idle;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets H2's background writer sleep while nobody uses the database.
 *
 * <p>H2 writes what was committed to its file within {@code WRITE_DELAY} (500 ms). To keep that promise its writer
 * thread wakes every {@code WRITE_DELAY}/3 for as long as the database is open, whether or not anything was
 * committed: about 360 wake-ups a minute, each looking over every table's tree and the file's chunks. On this
 * project's test machine that was 0.1–1.4 s of CPU a minute in an idle app (0.3–0.5 s with a linked session in a
 * fast window), its largest single part of idle CPU.
 *
 * <p>So when no connection is out, none was taken since the last look and nothing committed is waiting to be
 * written, the writer's delay is raised to {@link #IDLE_DELAY_MS} (it then wakes every 20 s, for its housekeeping).
 * Taking a connection sets the delay back before the connection is handed out, so every commit still reaches the
 * file within {@code WRITE_DELAY}, as before. The delay is set on H2's store, not with {@code SET WRITE_DELAY}, which
 * H2 would keep in the database file; a killed app starts again with the configured delay.
 *
 * <p>Wraps the app's connection pool (the {@code DataSource} bean) to see connections being taken. Does nothing on
 * PostgreSQL or an in-memory H2 database.
 */
@Component
public class QuietH2Writer implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(QuietH2Writer.class);

    /** H2's writer delay while idle: it wakes every third of it. */
    static final int IDLE_DELAY_MS = 60_000;

    /** How often to look whether the database went idle, while it is in use (and only then). */
    static final long LOOK_EVERY_MS = 2_000;

    private final long lookEveryMs;

    private final AtomicLong taken = new AtomicLong();

    private volatile boolean idle;

    private HikariDataSource pool;

    private MVStore store;

    /** H2's delay while in use, as configured (WRITE_DELAY); read when first going idle. */
    private int activeDelay;

    private long takenAtLastLook = -1;

    private ScheduledExecutorService timer;

    /** The look to come; none while idle, so an idle app is not woken by this class either. */
    private ScheduledFuture<?> nextLook;

    public QuietH2Writer() {
        this(LOOK_EVERY_MS);
    }

    /** @param lookEveryMs how often to look while the database is in use (a test drives the looks itself) */
    QuietH2Writer(long lookEveryMs) {
        this.lookEveryMs = lookEveryMs;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && pool == null && isH2File(hikari.getJdbcUrl())) {
            return watch(hikari);
        }
        return bean;
    }

    static boolean isH2File(String url) {
        return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
    }

    /** The pool as the app sees it: taking a connection wakes H2's writer first. */
    Watched watch(HikariDataSource hikari) {
        pool = hikari;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mssg-idle-h2");
            t.setDaemon(true);
            return t;
        });
        scheduleLook();
        return new Watched(hikari);
    }

    /**
     * The connection pool, seen through this class. Closing it stops the looks and closes the pool (Spring closes
     * the app's DataSource bean by its {@code close} method, which this now is).
     */
    public final class Watched extends DelegatingDataSource implements AutoCloseable {

        Watched(HikariDataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            taken.incrementAndGet();
            return awake(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            taken.incrementAndGet();
            return awake(super.getConnection(username, password));
        }

        @Override
        public void close() {
            stop();
            pool.close();
        }
    }

    /**
     * The pool has marked the connection in use and counted it taken before the idle flag is read here, while
     * {@link #look()} sets the flag before it asks the pool and the count again, and only then changes H2's delay.
     * So either the look sees this connection and stays awake, or this sees the flag and waits in {@link #wake()} for
     * the look to finish: no connection is handed out while the writer sleeps.
     */
    private Connection awake(Connection connection) {
        if (idle) {
            wake();
        }
        return connection;
    }

    private synchronized void wake() {
        if (!idle) {
            return;
        }
        idle = false;
        try {
            setDelay(activeDelay);
        } catch (RuntimeException e) {
            log.warn("Could not set H2's write delay back to {} ms", activeDelay, e);
        }
        scheduleLook();
    }

    /**
     * One look; package-private so a test can drive it.
     *
     * @return whether the database is idle after it
     */
    synchronized boolean look() {
        if (idle) {
            return true;
        }
        long before = taken.get();
        boolean quiet = before == takenAtLastLook && noneOut();
        takenAtLastLook = before;
        if (quiet) {
            MVStore h2 = store();
            if (h2 != null && !h2.hasUnsavedChanges() && h2.getAutoCommitDelay() > 0) {
                idle = true; // before the pool and the count are asked again: see awake()
                if (noneOut() && taken.get() == before) {
                    activeDelay = h2.getAutoCommitDelay();
                    h2.setAutoCommitDelay(IDLE_DELAY_MS);
                    return true;
                }
                idle = false; // a connection is being taken: stay awake
            }
        }
        scheduleLook();
        return false;
    }

    private boolean noneOut() {
        HikariPoolMXBean connections = pool.getHikariPoolMXBean(); // null until the pool has started
        return connections != null && connections.getActiveConnections() == 0;
    }

    private void setDelay(int millis) {
        MVStore h2 = store();
        if (h2 != null) {
            h2.setAutoCommitDelay(millis);
        }
    }

    /** H2's store under the pool; looked up again if the database was closed and opened anew (a restore). */
    private MVStore store() {
        if (store == null || store.isClosed()) {
            store = null;
            try (Connection c = pool.getConnection()) {
                if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                        && session.getDatabase().getStore() != null) {
                    store = session.getDatabase().getStore().getMvStore();
                }
            } catch (SQLException | RuntimeException e) {
                log.debug("H2's store not reachable; its writer keeps its delay", e);
            }
        }
        return store;
    }

    private void scheduleLook() {
        if (timer == null || timer.isShutdown()) {
            return;
        }
        if (nextLook == null) {
            nextLook = timer.schedule(this::scheduledLook, lookEveryMs, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void scheduledLook() {
        nextLook = null;
        try {
            look();
        } catch (RuntimeException e) {
            log.warn("Looking whether the database is idle failed; H2's writer keeps its delay", e);
            scheduleLook();
        }
    }

    /** Stops looking and leaves H2's writer at its configured delay for the database's close. */
    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (idle) {
            idle = false;
            setDelay(activeDelay);
        }
    }

    boolean idle() {
        return idle;
    }
}
