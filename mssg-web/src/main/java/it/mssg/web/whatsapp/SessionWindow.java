package it.mssg.web.whatsapp;

import it.mssg.core.api.SessionControl;
import it.mssg.core.api.SessionStateChanged;
import it.mssg.core.api.SessionStatus;
import it.mssg.web.WebProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The WhatsApp screen's own SSE stream: the session panel (state, QR, progress) whenever it changes, and
 * screenshots of the WhatsApp page a few times a second. Screenshots are taken only while at least one
 * WhatsApp screen is open; the loop stops when the last stream closes.
 */
@Component
class SessionWindow implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SessionWindow.class);
    private static final long STREAM_TIMEOUT_MS = Duration.ofMinutes(30).toMillis();
    private static final long KEEP_ALIVE_MS = 5_000;

    private final SessionControl session;
    private final ITemplateEngine templates;
    private final long periodMs;
    private final Set<SseEmitter> viewers = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mssg-session-window");
        thread.setDaemon(true);
        return thread;
    });

    // touched only on the worker thread
    private ScheduledFuture<?> loop;
    private String lastStatusKey;
    private Integer lastFrameHash;
    private long lastSentAt;

    SessionWindow(SessionControl session, ITemplateEngine templates, WebProperties properties) {
        this.session = session;
        this.templates = templates;
        this.periodMs = 1000L / properties.framesPerSecond();
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        viewers.add(emitter);
        emitter.onCompletion(() -> viewers.remove(emitter));
        emitter.onTimeout(() -> viewers.remove(emitter));
        emitter.onError(e -> viewers.remove(emitter));
        worker.execute(() -> {
            lastStatusKey = null;
            lastFrameHash = null; // a new viewer gets the current picture at once
            if (loop == null || loop.isDone()) {
                loop = worker.scheduleWithFixedDelay(this::tick, 0, periodMs, TimeUnit.MILLISECONDS);
            }
        });
        return emitter;
    }

    boolean running() {
        return loop != null && !loop.isDone();
    }

    int viewers() {
        return viewers.size();
    }

    @EventListener
    void on(SessionStateChanged event) {
        if (!viewers.isEmpty()) {
            worker.execute(() -> pushStatus(event.status()));
        }
    }

    private void tick() {
        if (viewers.isEmpty()) {
            loop.cancel(false);
            return;
        }
        try {
            pushStatus(session.status());
            Optional<byte[]> frame = session.screenshot();
            int hash = frame.map(Arrays::hashCode).orElse(0);
            if (lastFrameHash == null || hash != lastFrameHash) {
                lastFrameHash = hash;
                broadcast("frame", frame.map(SessionWindow::frameHtml).orElse(NO_PAGE));
            } else if (System.currentTimeMillis() - lastSentAt > KEEP_ALIVE_MS) {
                broadcast(SseEmitter.event().comment("keep-alive"));
            }
        } catch (RuntimeException e) {
            log.debug("Session window tick failed: {}", e.getMessage());
        }
    }

    private void pushStatus(SessionStatus status) {
        String key = SessionPanel.key(status);
        if (key.equals(lastStatusKey)) {
            return;
        }
        lastStatusKey = key;
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("panel", SessionPanel.of(status, session.simulatorControlUrl().orElse(null)));
        broadcast("status", templates.process("fragments/whatsapp", Set.of("status"), context));
    }

    static final String NO_PAGE = "<p class=\"muted\">No WhatsApp page to show right now.</p>";

    static String frameHtml(byte[] png) {
        return "<img alt=\"The WhatsApp Web page as it looks now\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\">";
    }

    private void broadcast(String name, String html) {
        broadcast(SseEmitter.event().name(name).data(html.replace("\r", "").replace("\n", " ")));
    }

    private void broadcast(SseEmitter.SseEventBuilder event) {
        lastSentAt = System.currentTimeMillis();
        for (SseEmitter viewer : viewers) {
            try {
                viewer.send(event);
            } catch (IOException | IllegalStateException gone) {
                viewers.remove(viewer);
            }
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        viewers.forEach(SseEmitter::complete);
        viewers.clear();
    }
}
