package it.mssg.web.layout;

import it.mssg.core.api.ContactsImported;
import it.mssg.core.api.ContactsRemoved;
import it.mssg.core.api.ContactsSynced;
import it.mssg.core.api.HistorySynced;
import it.mssg.core.api.MessageAckChanged;
import it.mssg.core.api.MessageReceived;
import it.mssg.core.api.SessionStateChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes what happens to every open dashboard page over one SSE stream ({@code /events}). Sends run on a
 * thread of their own: an event listener never waits for a slow browser, so the bridge thread never blocks.
 * Events are coalesced by name (the latest wins) and flushed at most a few times a second, so a sync of
 * thousands of messages makes open pages refresh a few times, not thousands of times.
 * <p>
 * An event published inside a transaction is held until that transaction commits and dropped if it rolls back:
 * a page that refreshes on it must find the change, and a change that never happened must not make it refresh.
 * Right after the commit everything the transaction published leaves together, at once (a single inbound message
 * reaches the screen without waiting for a tick). Progress bars are not held: they report work still in flight.
 * <p>
 * Events: {@code session-chip} and {@code session-panel} (HTML), {@code message-received},
 * {@code contacts-changed}, {@code chats-changed} (triggers for {@code hx-trigger="sse:…"}), and
 * {@code progress-<job>} (HTML progress bars, see {@link #progress}).
 */
@Component
public class LiveUpdates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final long STREAM_TIMEOUT_MS = Duration.ofHours(1).toMillis();

    private final ITemplateEngine templates;
    /** At most ten pushes a second: a burst of changes (a sync, a flood of messages) coalesces instead of flooding the page. */
    private static final long FLUSH_MS = 100;
    /**
     * How long an event published outside a transaction waits for the rest of its burst: one change publishes
     * several events within milliseconds, and sending the first alone would hold the others back a whole
     * {@link #FLUSH_MS}. Events of a transaction need no such wait: they leave together after its commit.
     */
    private static final long GATHER_MS = 20;

    private final Set<SseEmitter> emitters = new CopyOnWriteArraySet<>();
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private volatile long lastFlushNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(FLUSH_MS);
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mssg-live-updates");
        thread.setDaemon(true);
        return thread;
    });

    public LiveUpdates(ITemplateEngine templates) {
        this.templates = templates;
        // a comment every 20 s finds closed tabs and keeps proxies from cutting the stream
        sender.scheduleWithFixedDelay(() -> broadcastNow(SseEmitter.event().comment("keep-alive")), 20, 20, TimeUnit.SECONDS);
    }

    public SseEmitter subscribe() {
        return subscribe(new SseEmitter(STREAM_TIMEOUT_MS));
    }

    SseEmitter subscribe(SseEmitter emitter) {
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        return emitter;
    }

    int subscribers() {
        return emitters.size();
    }

    @EventListener
    void on(SessionStateChanged event) {
        SessionChip chip = SessionChip.of(event.status());
        send("session-chip", render("fragments/session", "chip", chip));
        send("session-panel", render("fragments/session", "panel", chip));
    }

    @EventListener
    void on(MessageReceived event) {
        if (event.live()) {
            send("message-received", String.valueOf(event.chatId()));
        }
        send("chats-changed", String.valueOf(event.chatId()));
    }

    /** A page of a history sync: the chat list changes, but nothing arrived now. */
    @EventListener
    void on(HistorySynced event) {
        send("chats-changed", String.valueOf(event.chats()));
    }

    @EventListener
    void on(MessageAckChanged event) {
        send("chats-changed", String.valueOf(event.chatId()));
    }

    @EventListener
    void on(ContactsSynced event) {
        send("contacts-changed", String.valueOf(event.added() + event.updated()));
    }

    @EventListener
    void on(ContactsImported event) {
        send("contacts-changed", String.valueOf(event.created() + event.merged()));
    }

    @EventListener
    void on(ContactsRemoved event) {
        send("contacts-changed", String.valueOf(event.count()));
    }

    /** Pushes a progress bar for a long job to the element with {@code sse-swap="progress-<job>"}, at once, even inside a transaction. */
    public void progress(String job, String label, long done, long total) {
        Context context = new Context(Locale.ENGLISH);
        int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        context.setVariable("label", label);
        context.setVariable("done", done);
        context.setVariable("total", total);
        context.setVariable("percent", percent);
        queue("progress-" + job, oneLine(templates.process("fragments/progress", Set.of("bar"), context)));
    }

    private String render(String template, String fragment, SessionChip chip) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("chip", chip);
        return templates.process(template, Set.of(fragment), context);
    }

    /** Queues an event for every open page: inside a transaction, once it has committed (see the class comment). */
    public void send(String name, String data) {
        String line = oneLine(data);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            queue(name, line);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> held = (Map<String, String>) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            Map<String, String> heldByThis = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, heldByThis);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LiveUpdates.this);
                    if (status == STATUS_COMMITTED) {
                        pending.putAll(heldByThis); // all of them first: one flush takes them together
                        flushAfter(0);
                    }
                }
            });
            held = heldByThis;
        }
        held.put(name, line);
    }

    /** SSE data lines cannot hold newlines, so HTML is sent on one line. */
    private static String oneLine(String data) {
        return data.replace("\r", "").replace("\n", " ");
    }

    /** Queues an event not held for a commit (none open, or a progress bar): it waits {@link #GATHER_MS} for the rest of its burst. */
    private void queue(String name, String line) {
        pending.put(name, line);
        flushAfter(GATHER_MS);
    }

    /** Flushes after {@code gatherMs}, and never sooner than {@link #FLUSH_MS} after the last flush. */
    private void flushAfter(long gatherMs) {
        if (flushQueued.compareAndSet(false, true)) {
            long sinceLastMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFlushNanos);
            try {
                sender.schedule(this::flush, Math.max(gatherMs, FLUSH_MS - sinceLastMs), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                flushQueued.set(false);
            }
        }
    }

    private void flush() {
        // cleared before draining: an event queued while we drain either goes out now or schedules the next flush
        flushQueued.set(false);
        lastFlushNanos = System.nanoTime();
        for (String name : pending.keySet()) {
            String data = pending.remove(name);
            if (data != null && !emitters.isEmpty()) {
                broadcastNow(SseEmitter.event().name(name).data(data));
            }
        }
    }

    private void broadcastNow(SseEmitter.SseEventBuilder event) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
                log.debug("Live update stream closed: {}", gone.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }
}
