package it.mssg.agent.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The agent's one thread. Events are handed over here, so a listener never runs the model on the publisher's
 * thread (the bridge's), and one chat's messages are decided one after the other, in order.
 */
final class AgentWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgentWorker.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mssg-agent");
        t.setDaemon(true);
        return t;
    });

    /** Queues a task; while the application shuts down, new tasks are dropped (and logged at DEBUG). */
    Future<?> submit(String what, Runnable task) {
        if (executor.isShutdown()) {
            log.debug("agent is shutting down; '{}' dropped", what);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        try {
            return run(what, task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("agent is shutting down; '{}' dropped", what);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    private Future<?> run(String what, Runnable task) {
        return executor.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // the exception's message may quote data; keep it at DEBUG, the type is enough at WARN
                log.warn("agent task '{}' failed: {}", what, e.getClass().getSimpleName());
                log.debug("agent task '{}' failed", what, e);
            }
        });
    }

    /** Waits until everything submitted so far is done (tests, shutdown). */
    void drain(long timeout, TimeUnit unit) throws Exception {
        executor.submit(() -> { }).get(timeout, unit);
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) executor.shutdownNow();
    }
}
