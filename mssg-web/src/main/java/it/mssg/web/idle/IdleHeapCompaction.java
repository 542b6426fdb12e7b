package it.mssg.web.idle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives the heap a busy spell left behind back to the system, once, when the app has gone quiet.
 *
 * <p>The JVM's own periodic collection ({@code -XX:G1PeriodicGCInterval}) does this too, but it repeats: in an
 * idle app no collection ever happens by itself, so every interval brought another full collection, about 1 % of
 * a core on this project's test machine for nothing once the heap was compact. Here a full collection runs only
 * when collections happened since the last compaction (the app was busy) and none in the last look (it is quiet
 * now).
 */
@Component
public class IdleHeapCompaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdleHeapCompaction.class);

    private final Duration every;

    private ScheduledExecutorService timer;

    private long atLastLook = -1;

    private long afterCompaction = -1;

    IdleHeapCompaction(@Value("${mssg.idle.compact-heap-after:60s}") Duration every) {
        this.every = every;
    }

    /**
     * @param afterCompaction collections counted right after the last compaction (-1: none yet)
     * @param atLastLook      collections counted at the previous look (-1: this is the first)
     * @param now             collections counted now
     * @return whether to compact now: busy since the last compaction, quiet since the last look
     */
    static boolean compactNow(long afterCompaction, long atLastLook, long now) {
        return now == atLastLook && now != afterCompaction;
    }

    /** One look; package-private so a test can drive it. @return whether it compacted */
    synchronized boolean look() {
        long now = collections();
        boolean compact = compactNow(afterCompaction, atLastLook, now);
        if (compact) {
            long t0 = System.nanoTime();
            System.gc();
            afterCompaction = collections();
            now = afterCompaction;
            log.debug("Compacted the heap after a busy spell in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
        atLastLook = now;
        return compact;
    }

    /** Looked up at each look (once a minute), not when the bean is made: none of it on the start-up path. */
    private static long collections() {
        long sum = 0;
        for (GarbageCollectorMXBean c : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, c.getCollectionCount());
        }
        return sum;
    }

    @Override
    public synchronized void start() {
        if (every.isZero() || every.isNegative()) {
            return; // off: the JVM options decide
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mssg-idle-heap");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        long millis = every.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                look();
            } catch (RuntimeException e) {
                log.warn("Idle heap compaction failed; it tries again later", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
