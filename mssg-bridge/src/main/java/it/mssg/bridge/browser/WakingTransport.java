package it.mssg.bridge.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.impl.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets the Playwright thread sleep while the browser is quiet.
 * <p>
 * Playwright for Java hands the driver's messages (page events, binding calls, routed requests) only to a thread
 * that is inside a Playwright call, and that call's message loop looks for them every 10 ms. A thread that waits for
 * the page that way all day wakes 100 times a second: 3.5 s of CPU a minute on this project's 2-core test machine
 * with the session idle in READY. This transport sits between Playwright's connection and its pipe to the driver:
 * a thread of its own blocks until the driver sends something, queues it in order and calls {@code onArrival}, so
 * the Playwright thread can sleep outside Playwright and come to dispatch only when there is something to dispatch.
 * Calls made meanwhile read the same queue, so nothing is delivered twice or out of order.
 * <p>
 * Playwright has no public way to do this: {@link #install} replaces its connection's private transport field
 * (checked against the Playwright version in use by {@code PageSessionWakeIT}). Where that fails, the session keeps
 * Playwright's own polling and says so in the log.
 */
final class WakingTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(WakingTransport.class);

    /**
     * How long the reader waits on the pipe before looking again: Playwright's pipe notices a dead driver only
     * when a wait ends empty, so this bounds how late a driver crash is seen (the watchdog's limit is 10 s).
     */
    static final Duration LOOK_FOR_A_DEAD_DRIVER_EVERY = Duration.ofSeconds(5);

    /** Queued after the pipe failed: whoever reads it gets the pipe's failure. */
    private static final JsonObject END = new JsonObject();

    private final Transport pipe;
    private final Runnable onArrival;
    private final BlockingQueue<JsonObject> arrived = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final AtomicLong polls = new AtomicLong();
    private volatile boolean closed;
    private volatile RuntimeException failure;

    WakingTransport(Transport pipe, Runnable onArrival) {
        this.pipe = pipe;
        this.onArrival = onArrival;
        this.reader = new Thread(this::read, "mssg-playwright-reader");
        reader.setDaemon(true);
    }

    /**
     * Puts a waking transport between {@code playwright}'s connection and its driver, before the first call after
     * {@link Playwright#create} (no message loop may be running meanwhile).
     *
     * @return the transport, or empty where this Playwright's internals are not the expected ones
     */
    static Optional<WakingTransport> install(Playwright playwright, Runnable onArrival) {
        try {
            Field connectionField = Class.forName("com.microsoft.playwright.impl.ChannelOwner").getDeclaredField("connection");
            connectionField.setAccessible(true);
            Object connection = connectionField.get(playwright);
            Field transportField = connection.getClass().getDeclaredField("transport");
            transportField.setAccessible(true);
            Transport pipe = (Transport) transportField.get(connection);
            WakingTransport waking = new WakingTransport(pipe, onArrival);
            transportField.set(connection, waking);
            waking.start();
            return Optional.of(waking);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot let the browser thread sleep between page events with this Playwright ({}); it polls every 10 ms instead",
                    e.toString());
            return Optional.empty();
        }
    }

    void start() {
        reader.start();
    }

    private void read() {
        while (!closed) {
            JsonObject message;
            try {
                message = pipe.poll(LOOK_FOR_A_DEAD_DRIVER_EVERY);
            } catch (RuntimeException e) {
                if (!closed) {
                    failure = e;
                    arrived.add(END);
                    onArrival.run();
                }
                return;
            }
            if (message != null) {
                arrived.add(message);
                onArrival.run();
            }
        }
    }

    /** Whether everything the driver sent so far has been taken by Playwright's message loop. */
    boolean drained() {
        return arrived.isEmpty();
    }

    boolean reading() {
        return reader.isAlive();
    }

    /** How often Playwright's message loop has looked for a message: it only looks while inside a call. */
    long polls() {
        return polls.get();
    }

    @Override
    public JsonObject poll(Duration timeout) {
        polls.incrementAndGet();
        JsonObject message;
        try {
            message = arrived.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlaywrightException("Interrupted while waiting for the browser driver", e);
        }
        if (message == END) {
            arrived.add(END); // every later read fails the same way, as Playwright's pipe does once closed
            throw failure;
        }
        return message;
    }

    @Override
    public void send(JsonObject message) {
        pipe.send(message);
    }

    @Override
    public void close() throws java.io.IOException {
        closed = true;
        reader.interrupt();
        pipe.close();
    }
}
