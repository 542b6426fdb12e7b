package it.mssg.web.idle;

import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tomcat's NIO connector, waking less while nobody uses the app. Out of the box it wakes every second twice over:
 * its selector looks for timed-out connections, and a task looks for timed-out async requests (here, the
 * dashboard's event streams, which time out after an hour). Each wake-up of an idle JVM cost several
 * milliseconds of CPU on this project's test machine (docs/BENCHMARKS.md, "Idle CPU"). Both now look every few
 * seconds: connections and streams still close on time within that, and a request wakes the selector at once, so
 * nothing answers later.
 */
public class QuietNioProtocol extends Http11NioProtocol {

    private static final Log log = LogFactory.getLog(QuietNioProtocol.class);

    static final long SELECTOR_TIMEOUT_MILLIS = 5_000;

    static final long ASYNC_TIMEOUT_CHECK_SECONDS = 10;

    /** Tomcat keeps its own set private; this copy follows the same add and remove calls. */
    private final Set<Processor> waiting = ConcurrentHashMap.newKeySet();

    private ScheduledFuture<?> asyncTimeoutCheck;

    public QuietNioProtocol() {
        setSelectorTimeout(SELECTOR_TIMEOUT_MILLIS);
    }

    @Override
    public void addWaitingProcessor(Processor processor) {
        super.addWaitingProcessor(processor);
        waiting.add(processor);
    }

    @Override
    public void removeWaitingProcessor(Processor processor) {
        super.removeWaitingProcessor(processor);
        waiting.remove(processor);
    }

    /** How many async requests (open event streams) this protocol watches for their timeout; Tomcat's own count must agree. */
    public int watchedAsyncRequests() {
        return waiting.size();
    }

    /** Called by Tomcat at start and every minute after; replaces its one-second check by a slower one. */
    @Override
    protected synchronized void startAsyncTimeout() {
        if (asyncTimeoutCheck == null || asyncTimeoutCheck.isDone()) {
            asyncTimeoutCheck = getUtilityExecutor().scheduleWithFixedDelay(this::timeOutAsyncRequests,
                    ASYNC_TIMEOUT_CHECK_SECONDS, ASYNC_TIMEOUT_CHECK_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    protected synchronized void stopAsyncTimeout() {
        if (asyncTimeoutCheck != null) {
            asyncTimeoutCheck.cancel(false);
            asyncTimeoutCheck = null;
        }
    }

    void timeOutAsyncRequests() {
        long now = System.currentTimeMillis();
        for (Processor processor : waiting) {
            try {
                processor.timeoutAsync(now);
            } catch (RuntimeException e) {
                log.warn("Timing out an async request failed", e);
            }
        }
    }
}
