package it.mssg.bridge.sync;

import it.mssg.core.api.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands WhatsApp events to core off the Playwright thread, one at a time and in the order they came. Adding
 * never blocks; a failing call is logged and the next one still runs (core is idempotent, a later sync heals).
 */
public final class InboundForwarder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboundForwarder.class);

    private final InboundEvents core;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mssg-inbound");
        t.setDaemon(true);
        return t;
    });

    public InboundForwarder(InboundEvents core) {
        this.core = core;
    }

    public void forward(String what, Consumer<InboundEvents> call) {
        thread.execute(() -> {
            try {
                call.accept(core);
            } catch (RuntimeException e) {
                log.warn("Core rejected {} from WhatsApp: {}", what, e.toString());
            }
        });
    }

    /** Waits until everything handed over so far reached core. */
    public boolean drain(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> marker = new CompletableFuture<>();
        thread.execute(() -> marker.complete(null));
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
