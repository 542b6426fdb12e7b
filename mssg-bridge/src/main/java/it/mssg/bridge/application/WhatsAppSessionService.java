package it.mssg.bridge.application;

import it.mssg.bridge.browser.PageCallFailed;
import it.mssg.bridge.browser.PageListener;
import it.mssg.bridge.browser.PageSession;
import it.mssg.bridge.browser.ProfileLockedException;
import it.mssg.bridge.domain.BlockedRequests;
import it.mssg.bridge.domain.EgressPolicy;
import it.mssg.bridge.domain.RecoveryPolicy;
import it.mssg.bridge.domain.SessionMachine;
import it.mssg.bridge.domain.SessionSignal;
import it.mssg.bridge.sync.HistorySync;
import it.mssg.bridge.sync.InboundForwarder;
import it.mssg.bridge.sync.PageData;
import it.mssg.core.api.BlockedRequestsView;
import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStateChanged;
import it.mssg.core.api.SessionStatus;
import it.mssg.core.api.WaAck;
import it.mssg.core.api.WaMessage;
import it.mssg.core.spi.WhatsAppGateway;
import it.mssg.core.spi.WhatsAppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WhatsApp Web session: starts the browser, follows the page through the state machine, syncs, forwards
 * live events, watches for crashes and hangs and recovers with backoff. Lifecycle work runs on one
 * "mssg-whatsapp" thread; Playwright calls run on the page session's own thread; core hears from the
 * "mssg-inbound" thread; state changes are published from "mssg-whatsapp-events", so no listener can hold
 * the page.
 */
public class WhatsAppSessionService implements WhatsAppSession, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSessionService.class);

    private final SessionRuntime runtime;
    private final InboundForwarder inbound;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ScheduledExecutorService lifecycle = daemonScheduler("mssg-whatsapp");
    private final ScheduledExecutorService heartbeat = daemonScheduler("mssg-whatsapp-heartbeat");
    private final ExecutorService syncThread = daemonExecutor("mssg-whatsapp-sync");
    private final ExecutorService publisher = daemonExecutor("mssg-whatsapp-events");
    private final AtomicLong epoch = new AtomicLong();
    private final Map<String, CompletableFuture<Map<String, Object>>> pendingSends = new ConcurrentHashMap<>();
    private final BlockedRequests blocked = new BlockedRequests();

    private volatile SessionStatus status;
    private volatile PageSession page;
    private volatile boolean headless;
    private volatile String lastProblem;
    private int recoveryAttempts;

    public WhatsAppSessionService(SessionRuntime runtime, InboundForwarder inbound, ApplicationEventPublisher events, Clock clock) {
        this.runtime = runtime;
        this.inbound = inbound;
        this.events = events;
        this.clock = clock;
        this.headless = runtime.browser().headless();
        this.status = SessionStatus.stopped(clock.instant());
        long every = runtime.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::checkHeartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    // ---- WhatsAppSession --------------------------------------------------------------------------------

    @Override
    public SessionStatus status() {
        return status;
    }

    /** A sentence for people when the session is disconnected for a reason they must act on, else null. */
    public String lastProblem() {
        return lastProblem;
    }

    public void start() {
        lifecycle.execute(() -> {
            recoveryAttempts = 0;
            launch();
        });
    }

    @Override
    public void restart() {
        start();
    }

    @Override
    public void logout() {
        lifecycle.execute(() -> {
            PageSession current = page;
            epoch.incrementAndGet();
            if (current != null) {
                try {
                    current.evaluate("() => window.__mssg.logout()", null, runtime.callTimeout());
                } catch (PageCallFailed e) {
                    log.info("The page could not log out by itself ({}); the profile is cleared anyway", e.getMessage());
                }
                closePage();
            }
            deleteProfile();
            lastProblem = null;
            signal(new SessionSignal.Lost(DisconnectReason.LOGGED_OUT));
        });
    }

    @Override
    public void openVisibleWindow() {
        headless = false;
        start();
    }

    @Override
    public Optional<byte[]> screenshot() {
        PageSession current = page;
        if (current == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(current.screenshot(Duration.ofSeconds(5)));
        } catch (PageCallFailed e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> simulatorControlUrl() {
        return runtime.simulatorControlUrl();
    }

    /** What the egress policy blocked since the application started, over every browser this service opened. */
    @Override
    public BlockedRequestsView blockedRequests() {
        return view(blocked.snapshot());
    }

    static BlockedRequestsView view(BlockedRequests.Snapshot snapshot) {
        return new BlockedRequestsView(snapshot.total(), snapshot.of(EgressPolicy.Category.ANALYTICS),
                snapshot.of(EgressPolicy.Category.CRASH_LOGS), snapshot.of(EgressPolicy.Category.NOT_ALLOWED),
                snapshot.hosts().stream().map(h -> new BlockedRequestsView.Host(h.host(),
                        BlockedRequestsView.Category.valueOf(h.category().name()), h.count())).toList());
    }

    @Override
    public List<WaMessage> recentMessages(String chatWaId, int count) throws WhatsAppGateway.GatewayUnavailable {
        requireConnected();
        try {
            Object result = call("messages", List.of(chatWaId), Math.max(1, count));
            List<WaMessage> messages = new ArrayList<>();
            if (result instanceof List<?> perChat && !perChat.isEmpty()) {
                PageData.maps(perChat.get(0)).stream().map(PageData::message).filter(Objects::nonNull).forEach(messages::add);
            }
            return messages;
        } catch (PageCallFailed e) {
            throw new WhatsAppGateway.GatewayUnavailable("WhatsApp did not answer: " + e.getMessage(), e);
        }
    }

    // ---- what the gateway uses --------------------------------------------------------------------------

    void requireReady() throws WhatsAppGateway.GatewayUnavailable {
        SessionStatus now = status;
        if (!now.isReady() || page == null) {
            throw new WhatsAppGateway.GatewayUnavailable("WhatsApp is not ready (" + now.state()
                    + (now.reason() != null ? ", " + now.reason() : "") + ")", null);
        }
    }

    private void requireConnected() throws WhatsAppGateway.GatewayUnavailable {
        SessionStatus now = status;
        if (page == null || (now.state() != SessionState.READY && now.state() != SessionState.SYNCING)) {
            throw new WhatsAppGateway.GatewayUnavailable("WhatsApp is not connected (" + now.state() + ")", null);
        }
    }

    /** Calls a command of the shim's {@code window.__mssg}. */
    Object call(String command, Object... arguments) throws PageCallFailed {
        PageSession current = page;
        if (current == null) {
            throw new PageCallFailed(PageCallFailed.Kind.CLOSED, "there is no page", null);
        }
        List<Object> args = new ArrayList<>();
        for (Object argument : arguments) {
            // page arguments travel as JSON: numbers as int or double, never long
            args.add(argument instanceof Long l ? Double.valueOf(l) : argument);
        }
        return current.evaluate("([command, args]) => window.__mssg[command].apply(null, args)",
                List.of(command, args), runtime.callTimeout());
    }

    /** Starts a send in the page; the future completes with the page's {@code sent} event. */
    CompletableFuture<Map<String, Object>> startSend(String chatId, String text) throws PageCallFailed {
        String ticket = "t" + System.nanoTime();
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        pendingSends.put(ticket, result);
        result.whenComplete((r, e) -> pendingSends.remove(ticket));
        try {
            call("send", ticket, chatId, text, runtime.sendTimeout().toMillis());
        } catch (PageCallFailed e) {
            pendingSends.remove(ticket);
            throw e;
        }
        return result;
    }

    SessionRuntime runtime() {
        return runtime;
    }

    /** The simulator's "page crash" fault: asks Chromium to crash the renderer of the current page. */
    public void crashRendererForFault() {
        PageSession current = page;
        if (current != null) {
            current.crashRenderer();
        }
    }

    // ---- lifecycle (on the mssg-whatsapp thread) --------------------------------------------------------

    private void launch() {
        long mine = epoch.incrementAndGet();
        closePage();
        signal(new SessionSignal.Start());
        try {
            page = PageSession.open(runtime.browser().withHeadless(headless), new Listener(mine));
            lastProblem = null;
            signal(new SessionSignal.VersionKnown(runtime.version()));
            lifecycle.schedule(() -> {
                if (epoch.get() == mine && status.state() == SessionState.STARTING) {
                    lost(DisconnectReason.TIMEOUT, "the page did not show a QR code or the chats within " + runtime.startupTimeout());
                }
            }, runtime.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ProfileLockedException e) {
            log.error("WhatsApp session not started: {}", e.getMessage());
            lost(DisconnectReason.PROFILE_LOCKED, e.getMessage());
        } catch (PageCallFailed | RuntimeException e) {
            log.error("The browser did not start", e);
            lost(DisconnectReason.TIMEOUT, "the browser did not start: " + e.getMessage());
        } catch (LinkageError e) {
            log.error("The browser cannot start: Playwright is missing or broken on the classpath", e);
            lost(DisconnectReason.TIMEOUT, "Playwright is missing from this build: " + e);
        }
    }

    private void lost(DisconnectReason reason, String problem) {
        epoch.incrementAndGet();
        closePage();
        lastProblem = problem;
        boolean changed = signal(new SessionSignal.Lost(reason));
        if (reason == DisconnectReason.LOGGED_OUT) {
            deleteProfile();
        }
        if (!changed) {
            return;
        }
        Optional<Duration> delay = runtime.recovery().delayBefore(++recoveryAttempts, reason);
        if (delay.isPresent()) {
            long expected = epoch.get();
            log.warn("WhatsApp session lost ({}: {}); recovering in {} (attempt {})", reason, problem, delay.get(), recoveryAttempts);
            lifecycle.schedule(() -> {
                if (epoch.get() == expected && status.state() == SessionState.DISCONNECTED) {
                    launch();
                }
            }, delay.get().toMillis(), TimeUnit.MILLISECONDS);
        } else if (RecoveryPolicy.retriable(reason)) {
            log.error("WhatsApp session lost ({}) and not recovered after {} attempts; restart it from the dashboard", reason, recoveryAttempts - 1);
        }
    }

    private void closePage() {
        PageSession current = page;
        page = null;
        if (current != null) {
            current.close(Duration.ofSeconds(10));
        }
        pendingSends.values().forEach(f -> f.completeExceptionally(
                new PageCallFailed(PageCallFailed.Kind.CLOSED, "the page closed before the send finished", null)));
    }

    private void killPage() {
        PageSession current = page;
        page = null;
        if (current != null) {
            current.kill();
        }
    }

    private boolean signal(SessionSignal signal) {
        Optional<SessionStatus> next = SessionMachine.next(status, signal, clock.instant());
        if (next.isEmpty()) {
            return false;
        }
        SessionStatus changed = next.get();
        SessionStatus before = status;
        status = changed;
        if (before.state() != changed.state()) {
            log.info("WhatsApp session {} → {}{}", before.state(), changed.state(), changed.reason() != null ? " (" + changed.reason() + ")" : "");
        }
        if (changed.state() == SessionState.READY) {
            recoveryAttempts = 0;
        }
        publisher.execute(() -> {
            try {
                events.publishEvent(new SessionStateChanged(changed));
            } catch (RuntimeException e) {
                log.warn("A listener of SessionStateChanged failed", e);
            }
        });
        return true;
    }

    private void onEvent(long from, Map<String, Object> event) {
        if (epoch.get() != from) {
            return;
        }
        String type = PageData.text(event.get("type"));
        switch (type == null ? "" : type) {
            case "auth_code" -> {
                if (event.get("code") instanceof Map<?, ?> code && code.get("fullCode") != null) {
                    signal(new SessionSignal.QrShown(PageData.text(code.get("fullCode")), clock.instant().plusSeconds(20)));
                }
            }
            case "main_ready" -> {
                if (signal(new SessionSignal.MainReady())) {
                    syncThread.execute(() -> sync(from));
                }
            }
            case "logout" -> lost(DisconnectReason.LOGGED_OUT, "WhatsApp logged this browser out");
            case "no_wpp" -> lost(DisconnectReason.UNSUPPORTED_VERSION,
                    "the page offers no usable WPP: WhatsApp Web may have changed beyond wa-js " + runtime.version());
            default -> log.debug("page event {}", type);
        }
    }

    private void sync(long from) {
        Instant started = clock.instant();
        try {
            HistorySync.Outcome outcome = new HistorySync(this::call, inbound, runtime.syncPageSize(), runtime.historyMessages())
                    .run(() -> epoch.get() != from,
                            percent -> lifecycle.execute(() -> {
                                if (epoch.get() == from) {
                                    signal(new SessionSignal.SyncProgress(percent));
                                }
                            }));
            inbound.drain(Duration.ofMinutes(2));
            lifecycle.execute(() -> {
                if (epoch.get() == from && signal(new SessionSignal.SyncDone())) {
                    log.info("WhatsApp synced in {} ms: {}", Duration.between(started, clock.instant()).toMillis(), outcome);
                }
            });
        } catch (PageCallFailed e) {
            log.warn("Sync interrupted: {}", e.getMessage());
            if (e.kind() == PageCallFailed.Kind.SCRIPT) {
                lifecycle.execute(() -> {
                    if (epoch.get() == from) {
                        lost(DisconnectReason.UNSUPPORTED_VERSION, "the page failed during sync: " + e.getMessage());
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Sync failed", e);
        }
    }

    private void checkHeartbeat() {
        PageSession current = page;
        SessionState state = status.state();
        if (current == null || !(state == SessionState.QR_REQUIRED || state == SessionState.SYNCING || state == SessionState.READY)) {
            return;
        }
        long from = epoch.get();
        try {
            current.evaluate("() => window.__mssg ? window.__mssg.heartbeat() : null", null, runtime.heartbeatTimeout());
        } catch (PageCallFailed e) {
            if (e.kind() == PageCallFailed.Kind.TIMEOUT) {
                lifecycle.execute(() -> {
                    if (epoch.get() == from) {
                        log.warn("The WhatsApp page stopped answering; ending the browser");
                        killPage();
                        lost(DisconnectReason.TIMEOUT, "the page hung");
                    }
                });
            }
        }
    }

    /** Receives the page's reports on the Playwright thread: live data goes straight to core's queue. */
    private final class Listener implements PageListener {
        private final long from;

        Listener(long from) {
            this.from = from;
        }

        @Override
        public void onPageEvent(Map<String, Object> event) {
            String type = PageData.text(event.get("type"));
            if ("message".equals(type) && event.get("message") instanceof Map<?, ?> raw) {
                WaMessage message = PageData.message(raw);
                if (message != null) {
                    inbound.forward("message", c -> c.messagesReceived(List.of(message)));
                }
            } else if ("ack".equals(type)) {
                WaAck ack = PageData.ack(event);
                if (ack != null) {
                    inbound.forward("ack", c -> c.ackChanged(ack));
                }
            } else if ("sent".equals(type)) {
                CompletableFuture<Map<String, Object>> waiting = pendingSends.get(PageData.text(event.get("ticket")));
                if (waiting != null) {
                    waiting.complete(event);
                }
            } else {
                lifecycle.execute(() -> onEvent(from, event));
            }
        }

        @Override
        public void onPageCrashed() {
            lifecycle.execute(() -> {
                if (epoch.get() == from) {
                    log.warn("The WhatsApp page crashed");
                    closePage();
                    lost(DisconnectReason.BROWSER_CRASHED, "the page crashed");
                }
            });
        }

        @Override
        public void onPageNavigated(String url) {
            lifecycle.execute(() -> {
                if (epoch.get() != from) {
                    return;
                }
                if (sameOrigin(url, runtime.browser().url())) {
                    signal(new SessionSignal.Reloaded());
                } else {
                    lost(DisconnectReason.NAVIGATED, "the page went to another site");
                }
            });
        }

        @Override
        public void onRequestBlocked(EgressPolicy.Decision decision) {
            // the host and the category only: addresses can carry personal data in their paths and queries
            if (blocked.record(decision)) {
                log.info("Blocked the page's requests to {} ({}); later ones are only counted", decision.host(), decision.blockedAs().label());
            } else {
                log.debug("Blocked a request to {} ({})", decision.host(), decision.blockedAs().label());
            }
        }

        @Override
        public void onBrowserClosed() {
            lifecycle.execute(() -> {
                if (epoch.get() == from) {
                    killPage();
                    lost(DisconnectReason.BROWSER_CRASHED, "the browser closed");
                }
            });
        }
    }

    static boolean sameOrigin(String a, String b) {
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return Objects.equals(x.getScheme(), y.getScheme()) && Objects.equals(x.getHost(), y.getHost()) && x.getPort() == y.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void deleteProfile() {
        Path profile = runtime.profileDir();
        if (!Files.exists(profile)) {
            return;
        }
        try {
            Files.walkFileTree(profile, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.error("Could not clear the browser profile {}: {}", profile, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            lifecycle.submit(() -> {
                epoch.incrementAndGet();
                closePage();
                signal(new SessionSignal.Stop());
            }).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            killPage();
        }
        heartbeat.shutdownNow();
        lifecycle.shutdownNow();
        syncThread.shutdownNow();
        publisher.shutdown();
        inbound.close();
    }

    /** A single thread whose failed tasks are logged (a scheduled executor would keep them in their futures). */
    private static ScheduledExecutorService daemonScheduler(String name) {
        return new ScheduledThreadPoolExecutor(1, r -> daemon(r, name)) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                super.afterExecute(task, thrown);
                if (task instanceof Future<?> future && future.isDone() && !future.isCancelled()) {
                    try {
                        future.get();
                    } catch (ExecutionException e) {
                        log.error("A task of {} failed", name, e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }

    private static ExecutorService daemonExecutor(String name) {
        return Executors.newSingleThreadExecutor(r -> daemon(r, name));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
