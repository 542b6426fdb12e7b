package it.mssg.bridge.browser;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one thread that owns a browser's Playwright objects. Tasks run in order. Playwright for Java delivers page
 * events and binding calls only while its thread is inside a Playwright call, so between tasks the thread "pumps"
 * Playwright: with a {@link WakingTransport} it sleeps until the driver sends something and then dispatches it;
 * without one it waits on the page in short slices, during which Playwright looks for messages every 10 ms.
 */
final class PlaywrightThread {

    interface Pump {
        void pump(Duration slice);
    }

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Pump pump;
    /**
     * Set by {@link #wakeOnArrivals}: the thread then sleeps until there is a task, or {@link #messagesArrived} says
     * the driver sent something.
     */
    private volatile boolean wokenByArrivals;
    private final AtomicBoolean dispatchQueued = new AtomicBoolean();
    private final Runnable dispatch = () -> {
        dispatchQueued.set(false); // before dispatching: a message arriving meanwhile queues the next round
        Pump current = pump;
        if (current != null) {
            current.pump(Duration.ofMillis(250));
        }
    };

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
        if (pump != null && wokenByArrivals) {
            messagesArrived(); // what arrived before there was a page to pump for
        }
    }

    /** From now on the thread sleeps between tasks; {@link #messagesArrived} wakes it to dispatch. */
    void wakeOnArrivals() {
        wokenByArrivals = true;
    }

    /** The driver sent something: the thread comes to dispatch it (once, however many arrive meanwhile). */
    void messagesArrived() {
        if (dispatchQueued.compareAndSet(false, true)) {
            tasks.add(dispatch);
        }
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
                if (wokenByArrivals) {
                    task = tasks.take();
                } else if (current != null) {
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
