package it.mssg.bridge.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.impl.Transport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WakingTransportTest {

    /** Playwright's pipe as the transport sees it: messages from the driver, a failure once it is gone. */
    static final class FakePipe implements Transport {
        final BlockingQueue<JsonObject> fromDriver = new LinkedBlockingQueue<>();
        final List<JsonObject> sent = new ArrayList<>();
        volatile RuntimeException broken;
        volatile boolean closed;

        @Override
        public void send(JsonObject message) {
            sent.add(message);
        }

        @Override
        public JsonObject poll(Duration timeout) {
            try {
                JsonObject m = fromDriver.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (m == null && broken != null) {
                    throw broken;
                }
                return m;
            } catch (InterruptedException e) {
                throw new PlaywrightException("Failed to read message", e);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static JsonObject message(int id) {
        JsonObject m = new JsonObject();
        m.addProperty("id", id);
        return m;
    }

    @Test
    void deliversWhatTheDriverSentInOrderAndSaysEachTimeSomethingArrived() throws Exception {
        FakePipe pipe = new FakePipe();
        AtomicInteger arrivals = new AtomicInteger();
        WakingTransport transport = new WakingTransport(pipe, arrivals::incrementAndGet);
        transport.start();
        for (int i = 1; i <= 50; i++) {
            pipe.fromDriver.add(message(i));
        }
        for (int i = 1; i <= 50; i++) {
            JsonObject m = transport.poll(Duration.ofSeconds(5));
            assertEquals(i, m.get("id").getAsInt(), "message " + i + " in the driver's order");
        }
        assertNull(transport.poll(Duration.ofMillis(20)), "nothing more was sent");
        assertEquals(50, arrivals.get());
        assertTrue(transport.drained());
        assertEquals(51, transport.polls(), "every look by Playwright's message loop is counted");

        JsonObject out = message(99);
        transport.send(out);
        assertSame(out, pipe.sent.get(0), "what Playwright sends goes to the driver unchanged");
        transport.close();
    }

    @Test
    void aBrokenPipeFailsEveryLaterReadWithThePipesOwnError() throws Exception {
        FakePipe pipe = new FakePipe();
        AtomicInteger arrivals = new AtomicInteger();
        WakingTransport transport = new WakingTransport(pipe, arrivals::incrementAndGet);
        pipe.fromDriver.add(message(1));
        PlaywrightException gone = new PlaywrightException("Failed to read message from driver, pipe closed.");
        pipe.broken = gone;
        transport.start();

        assertEquals(1, transport.poll(Duration.ofSeconds(5)).get("id").getAsInt(), "what came before the failure still arrives");
        // the pipe reports its failure when a wait ends empty: within LOOK_FOR_A_DEAD_DRIVER_EVERY
        PlaywrightException first = assertThrows(PlaywrightException.class, () -> transport.poll(Duration.ofSeconds(15)));
        assertSame(gone, first);
        assertSame(gone, assertThrows(PlaywrightException.class, () -> transport.poll(Duration.ofMillis(10))));
        // the reader queues the failure, then wakes the browser thread: a poll can see the one before the other happened
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (arrivals.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, arrivals.get(), "the failure wakes the browser thread too");
    }

    @Test
    void closingClosesThePipeAndEndsTheReader() throws Exception {
        FakePipe pipe = new FakePipe();
        WakingTransport transport = new WakingTransport(pipe, () -> { });
        transport.start();
        assertTrue(transport.reading());
        transport.close();
        assertTrue(pipe.closed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (transport.reading() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(transport.reading(), "the reader ends once the transport is closed");
    }
}
