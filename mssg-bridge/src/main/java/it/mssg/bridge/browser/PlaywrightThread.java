package it.mssg.bridge.browser;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns a browser's Playwright objects. Tasks run in order; between tasks the thread
 * "pumps" Playwright (a short wait on the page) because Playwright for Java delivers page events and binding
 * calls only while its thread is inside a Playwright call.
 */
final class PlaywrightThread {

    interface Pump {
        void pump(Duration slice);
    }

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Pump pump;

    PlaywrightThread(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new IllegalStateException("the browser thread has stopped"));
            return result;
        }
        tasks.add(() -> {
            if (result.isDone()) {
                return; // the caller gave up (timeout): do not touch a page it no longer expects
            }
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    void pumpWith(Pump pump) {
        this.pump = pump;
    }

    boolean hasTasks() {
        return !tasks.isEmpty();
    }

    /** Runs what is queued, then ends; a thread stuck in a hung call ends once the call is cut off. */
    void stop() {
        tasks.add(() -> running = false);
        pump = null;
    }

    private void loop() {
        while (running) {
            try {
                Runnable task = tasks.poll();
                if (task != null) {
                    task.run();
                    continue;
                }
                Pump current = pump;
                if (current != null) {
                    current.pump(Duration.ofMillis(250));
                    task = tasks.poll();
                } else {
                    task = tasks.poll(100, TimeUnit.MILLISECONDS);
                }
                if (task != null) {
                    task.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a pump on a page that just closed; the session learns about it through its listeners
                pump = null;
            }
        }
    }
}
