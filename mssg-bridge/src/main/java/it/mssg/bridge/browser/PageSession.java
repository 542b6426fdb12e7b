package it.mssg.bridge.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.WebSocketRoute;
import it.mssg.bridge.domain.EgressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One browser lifetime: Playwright, the persistent Chromium context and its page, all confined to one
 * {@link PlaywrightThread}. A crash, hang or restart ends a PageSession; the next start makes a new one.
 * Nothing Playwright-typed leaves this class, and every failure reaches callers as a {@link PageCallFailed}.
 */
public final class PageSession {

    private static final Logger log = LoggerFactory.getLogger(PageSession.class);
    static final String BINDING = "__mssgEmit";

    private final BrowserSettings settings;
    private final PageListener listener;
    private final PlaywrightThread thread;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean closing;
    private volatile boolean loaded;
    private volatile ProcessHandle driverProcess;

    // Owned by the Playwright thread.
    private Playwright playwright;
    /** Null where Playwright's internals did not allow it: the thread then polls. */
    private volatile WakingTransport transport;
    private BrowserContext context;
    private Page page;

    private PageSession(BrowserSettings settings, PageListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.thread = new PlaywrightThread("mssg-playwright");
    }

    /** The transport that lets the browser thread sleep between page events, if Playwright allowed it. */
    Optional<WakingTransport> wakingTransport() {
        return Optional.ofNullable(transport);
    }

    /** Launches Chromium on the profile and loads the page; the shim reports through the listener from then on. */
    public static PageSession open(BrowserSettings settings, PageListener listener)
            throws ProfileLockedException, PageCallFailed {
        prepareProfile(settings.profileDir());
        Optional<Long> holder = ProfileLock.holder(settings.profileDir());
        if (holder.isPresent() && endOwnLeftover(holder.get())) {
            holder = ProfileLock.holder(settings.profileDir());
        }
        if (holder.isPresent()) {
            throw new ProfileLockedException("the browser profile " + settings.profileDir()
                    + " is in use by another process (pid " + holder.get() + "); close that browser or choose another mssg.data-dir");
        }
        PageSession session = new PageSession(settings, listener);
        CompletableFuture<Void> launched = session.thread.submit(() -> {
            session.launch();
            return null;
        });
        try {
            launched.get(settings.launchTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return session;
        } catch (TimeoutException e) {
            session.kill();
            throw new PageCallFailed(PageCallFailed.Kind.TIMEOUT, "the browser did not start within " + settings.launchTimeout(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.kill();
            throw new PageCallFailed(PageCallFailed.Kind.CLOSED, "interrupted while starting the browser", e);
        } catch (ExecutionException e) {
            session.kill();
            String message = String.valueOf(e.getCause().getMessage());
            if (message.contains("ProcessSingleton") || message.contains("profile appears to be in use")
                    || message.contains("SingletonLock")) {
                throw new ProfileLockedException("the browser profile " + settings.profileDir() + " is in use by another browser");
            }
            log.warn("Chromium did not start: {}", message);
            throw new PageCallFailed(PageCallFailed.Kind.CLOSED, "Chromium did not start (" + settings.executable()
                    + "); the log has the details", e.getCause());
        }
    }

    /**
     * A lock held by a Chromium that this app started itself is a leftover, not another user of the profile: a
     * launch that timed out on a slow machine can still bring its browser up after the attempt was given up.
     * Such a browser is ended (SIGTERM, then SIGKILL after a grace period) so the retry can take the profile;
     * a lock held by any other process is never touched.
     *
     * @return whether the holder was one of ours and has been ended
     */
    private static boolean endOwnLeftover(long pid) {
        Optional<ProcessHandle> own = ProcessHandle.current().descendants().filter(p -> p.pid() == pid).findFirst();
        if (own.isEmpty()) {
            return false;
        }
        ProcessHandle leftover = own.get();
        log.warn("A browser this app started earlier (pid {}) still holds the profile; ending it", pid);
        List<ProcessHandle> helpers = leftover.descendants().toList();
        leftover.destroy();
        if (!exitsWithin(leftover, 5)) {
            leftover.destroyForcibly();
        }
        helpers.forEach(ProcessHandle::destroyForcibly);
        return exitsWithin(leftover, 5);
    }

    private static boolean exitsWithin(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException | TimeoutException e) {
            return !process.isAlive();
        }
    }

    private static void prepareProfile(Path profile) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(profile)) {
                if (posix) {
                    Files.createDirectories(profile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(profile);
                }
            }
            if (posix) {
                Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the browser profile " + profile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Features Playwright's launcher (1.57) turns off for automation. Chromium keeps only the last
     * {@code --disable-features} on its command line and Playwright puts its own before ours, so ours repeats
     * them; {@code PageSessionArgsTest} compares this list with the one in Playwright's driver.
     */
    static final List<String> PLAYWRIGHT_DISABLED_FEATURES = List.of("AcceptCHFrame", "AvoidUnnecessaryBeforeUnloadCheckSync",
            "DestroyProfileOnBrowserClose", "DialMediaRouteProvider", "GlobalMediaControls", "HttpsUpgrades", "LensOverlay",
            "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning", "Translate", "AutoDeElevate", "RenderDocument",
            "OptimizationHints");

    /**
     * The browser's own interface (toolbar, omnibox popup, tab search) drawn as WebUI: Chromium preloads it in a
     * renderer of its own even when headless, about 40 MB with no window to show it in.
     */
    static final List<String> BROWSER_UI_FEATURES = List.of("InitialWebUI", "WebUIToolbarProcessOverheadExperiment",
            "PreloadTopChromeWebUI", "WebUIOmniboxPopup", "WebUIOmniboxAimPopup");

    /** Chromium's switches for a session, on top of those Playwright adds itself. */
    static List<String> chromiumArgs(BrowserSettings settings, boolean runningAsRoot) {
        List<String> disabledFeatures = new ArrayList<>(PLAYWRIGHT_DISABLED_FEATURES);
        disabledFeatures.add("AutofillServerCommunication");
        // memory: the renderer Chromium keeps ready for a navigation to another site; the page never leaves its
        // site (a recovery reloads it), so that process would only wait
        disabledFeatures.add("SpareRendererForSitePerProcess");
        if (settings.headless()) {
            disabledFeatures.addAll(BROWSER_UI_FEATURES);
        }
        List<String> args = new ArrayList<>(List.of("--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-dev-shm-usage",
                // memory: no GPU drivers (compositing in software) and no background features
                "--disable-gpu", "--renderer-process-limit=2", "--disable-features=" + String.join(",", disabledFeatures),
                // memory: V8 favours a smaller heap and less optimised code over speed, as Chrome does on
                // low-memory devices; no heap limit, so WhatsApp's heap can still grow as it needs
                "--js-flags=--optimize-for-size",
                // the egress policy's second layer: names off the allow-list do not resolve, whoever asks (service
                // workers, workers, Chromium itself); the routing below decides schemes and ports and counts
                "--host-resolver-rules=" + settings.egress().hostResolverRules()));
        if (runningAsRoot) {
            args.add("--no-sandbox");
        }
        return args;
    }

    private void launch() {
        Map<String, String> env = new HashMap<>();
        if (settings.executable() != null || "1".equals(System.getenv("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"))) {
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        transport = WakingTransport.install(playwright, thread::messagesArrived).orElse(null);
        if (transport != null) {
            thread.wakeOnArrivals();
        }
        driverProcess = ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).findFirst().orElse(null);

        List<String> args = chromiumArgs(settings, "root".equals(System.getProperty("user.name")));
        BrowserType.LaunchPersistentContextOptions options = new BrowserType.LaunchPersistentContextOptions()
                .setHeadless(settings.headless())
                .setArgs(args)
                .setViewportSize(1280, 860)
                .setTimeout(settings.launchTimeout().toMillis());
        if (settings.executable() != null) {
            options.setExecutablePath(settings.executable());
        }
        if (settings.headless()) {
            ChromiumLocator.headedUserAgent(settings.executable()).ifPresent(options::setUserAgent);
        }
        context = playwright.chromium().launchPersistentContext(settings.profileDir(), options);
        context.exposeBinding(BINDING, (source, arguments) -> {
            if (arguments.length > 0 && arguments[0] instanceof List<?> batch && !closing) {
                for (Object event : batch) {
                    if (event instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> typed = (Map<String, Object>) map;
                        listener.onPageEvent(typed);
                    }
                }
            }
            return null;
        });
        for (String script : settings.initScripts()) {
            context.addInitScript(script);
        }
        guardEgress(context);
        context.onClose(c -> {
            if (!closing) {
                listener.onBrowserClosed();
            }
        });
        page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        for (Page extra : List.copyOf(context.pages())) {
            if (extra != page) {
                extra.close();
            }
        }
        page.onCrash(p -> {
            if (!closing) {
                listener.onPageCrashed();
            }
        });
        page.onClose(p -> {
            if (!closing) {
                listener.onBrowserClosed();
            }
        });
        page.onFrameNavigated(frame -> {
            if (frame == page.mainFrame()) {
                generation.incrementAndGet();
                if (loaded && !closing) {
                    listener.onPageNavigated(frame.url());
                }
            }
        });
        page.navigate(settings.url(), new Page.NavigateOptions().setTimeout(settings.launchTimeout().toMillis()));
        loaded = true;
        BrowserContext pumped = context;
        WakingTransport waking = transport;
        thread.pumpWith(slice -> {
            if (!closing) {
                try {
                    // processes incoming events locally until a task is queued, everything that arrived is
                    // dispatched (waking transport) or the slice ends
                    pumped.waitForCondition(() -> thread.hasTasks() || (waking != null && waking.drained()),
                            new BrowserContext.WaitForConditionOptions().setTimeout(slice.toMillis()));
                } catch (TimeoutError idle) {
                    // nothing happened in this slice
                }
            }
        });
    }

    /**
     * Aborts every request the egress policy does not allow, before it leaves the browser, and reports it.
     * Requests of the page and of its service workers pass through routing (Chromium); websockets do not, so they
     * are routed separately. Addresses that start canonically with an allowed origin are let go by Playwright's
     * driver without a round trip to Java, so the page's own traffic is not slowed; only the rest reaches these
     * handlers, on the Playwright thread, where the full policy decides.
     */
    private void guardEgress(BrowserContext context) {
        EgressPolicy egress = settings.egress();
        Pattern notAllowedAtFirstSight = Pattern.compile("^(?!" + egress.allowedStart() + ")");
        context.route(notAllowedAtFirstSight, (Route route) -> {
            EgressPolicy.Decision decision = egress.decide(route.request().url());
            if (decision.allowed()) {
                route.resume(); // an allowed host written unusually (upper case, trailing dot, explicit port)
            } else {
                route.abort("blockedbyclient");
                listener.onRequestBlocked(decision);
            }
        });
        context.routeWebSocket(notAllowedAtFirstSight, (WebSocketRoute socket) -> {
            EgressPolicy.Decision decision = egress.decide(socket.url());
            if (decision.allowed()) {
                socket.connectToServer();
            } else {
                socket.close();
                listener.onRequestBlocked(decision);
            }
        });
    }

    /**
     * Runs a function in the page: {@code function} is a JavaScript function expression taking one argument.
     *
     * @return the result as plain Java values (maps, lists, strings, numbers, booleans, null)
     */
    public Object evaluate(String function, Object argument, Duration timeout) throws PageCallFailed {
        long calledOn = generation.get();
        return await(thread.submit(() -> {
            check(calledOn);
            return page.evaluate(function, argument);
        }), timeout, "evaluate");
    }

    /** A PNG of the page as it is now. */
    public byte[] screenshot(Duration timeout) throws PageCallFailed {
        return await(thread.submit(() -> {
            check(generation.get());
            return page.screenshot(new Page.ScreenshotOptions().setTimeout(timeout.toMillis()));
        }), timeout.plusSeconds(1), "screenshot");
    }

    /** Crashes the page's renderer, as a real renderer crash would (the simulator's "page crash" fault). */
    public void crashRenderer() {
        killRenderers();
    }

    /** Closes the browser politely; a browser that does not close in time is killed. */
    public void close(Duration timeout) {
        closing = true;
        CompletableFuture<Void> closed = thread.submit(() -> {
            thread.pumpWith(null);
            try {
                if (context != null) {
                    context.close();
                }
            } finally {
                if (playwright != null) {
                    playwright.close();
                }
            }
            return null;
        });
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            thread.stop();
        } catch (Exception e) {
            log.warn("The browser did not close within {}; killing it", timeout);
            kill();
        }
    }

    /**
     * Cuts off a hung page: kills the renderer processes of this profile's browser. The call stuck on the
     * Playwright thread then fails, the page counts as crashed, and the browser itself can still close
     * cleanly (so it writes its storage to disk).
     */
    public void killRenderers() {
        browserProcesses().forEach(browser -> browser.descendants()
                .filter(p -> commandLine(p).contains("--type=renderer"))
                .forEach(ProcessHandle::destroyForcibly));
    }

    /**
     * Ends the browser without Playwright's help, for a page that holds the Playwright thread (a hung
     * renderer does not release a pending evaluate even when killed). The browser first gets SIGTERM, on
     * which Chromium writes its profile to disk and exits; what is left after a grace period is killed. That
     * releases the Playwright thread, which then closes Playwright.
     */
    public void kill() {
        closing = true;
        List<ProcessHandle> browsers = browserProcesses();
        browsers.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle browser : browsers) {
            try {
                browser.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                log.warn("Chromium {} ignored SIGTERM; killing it", browser.pid());
            }
        }
        browsers.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        CompletableFuture<Void> released = thread.submit(() -> {
            if (playwright != null) {
                playwright.close();
            }
            return null;
        });
        thread.stop();
        try {
            released.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            ProcessHandle driver = driverProcess;
            if (driver != null) {
                driver.descendants().forEach(ProcessHandle::destroyForcibly);
                driver.destroyForcibly();
            }
        }
    }

    /** The browser's main processes for this profile (its helpers carry a --type= switch). */
    private List<ProcessHandle> browserProcesses() {
        String marker = "--user-data-dir=" + settings.profileDir();
        return ProcessHandle.allProcesses()
                .filter(p -> {
                    String line = commandLine(p);
                    return line.contains(marker) && !line.contains("--type=");
                })
                .toList();
    }

    /**
     * A process's command line. Chromium rewrites the title of its helper processes into one string, which
     * {@code ProcessHandle.Info} then reports without arguments: read /proc directly where there is one.
     */
    static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // the process ended meanwhile
        }
        return process.info().commandLine().orElse("");
    }

    private void check(long calledOn) throws PageCallFailed {
        if (closing || page == null || page.isClosed()) {
            throw new PageCallFailed(PageCallFailed.Kind.CLOSED, "the page is closed", null);
        }
        if (generation.get() != calledOn) {
            throw new PageCallFailed(PageCallFailed.Kind.NAVIGATED, "the page navigated since the call was made", null);
        }
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws PageCallFailed {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new PageCallFailed(PageCallFailed.Kind.TIMEOUT, what + " got no answer within " + timeout, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PageCallFailed(PageCallFailed.Kind.CLOSED, "interrupted", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /** Translates Playwright's failures into the bridge's typed ones. */
    private PageCallFailed failure(Throwable e) {
        if (e instanceof PageCallFailed typed) {
            return typed;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof TimeoutError) {
            return new PageCallFailed(PageCallFailed.Kind.TIMEOUT, "the page did not answer in time", null);
        }
        if (closing || page == null || page.isClosed() || message.contains("closed") || message.contains("crash")) {
            return new PageCallFailed(PageCallFailed.Kind.CLOSED, "the page is gone", null);
        }
        if (message.contains("Execution context was destroyed") || message.contains("detached")
                || message.contains("navigat") || message.contains("Cannot find context")) {
            return new PageCallFailed(PageCallFailed.Kind.NAVIGATED, "the page navigated during the call", null);
        }
        if (!(e instanceof PlaywrightException)) {
            return new PageCallFailed(PageCallFailed.Kind.SCRIPT, message, e);
        }
        return new PageCallFailed(PageCallFailed.Kind.SCRIPT, scriptError(message), null);
    }

    /** The first line of a page error, without Playwright's framing and call log. */
    static String scriptError(String message) {
        java.util.regex.Matcher framed = java.util.regex.Pattern.compile("message='([^'\\n]*)").matcher(message);
        if (framed.find() && !framed.group(1).isBlank()) {
            message = framed.group(1);
        }
        String first = message.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse(message);
        return first.replaceFirst("^Error: ", "").replaceFirst("^Evaluation failed: ", "").replaceFirst("^Error: ", "");
    }
}
