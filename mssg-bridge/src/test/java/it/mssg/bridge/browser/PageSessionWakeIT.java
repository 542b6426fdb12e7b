package it.mssg.bridge.browser;

import com.sun.net.httpserver.HttpServer;
import it.mssg.bridge.domain.EgressPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Chromium on a local page: page events reach the listener while the browser thread sleeps (no Playwright
 * call from Java in between), and while nothing happens Playwright's message loop is not looking for messages.
 */
class PageSessionWakeIT {

    private static final String PAGE = "<!doctype html><title>wake</title><script>"
            + "var n = 0; setInterval(function () { n++; if (n <= 5) window.__mssgEmit([{type: 'tick', n: n}]); }, 300);"
            + "</script>";

    private HttpServer server;
    private PageSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close(Duration.ofSeconds(10));
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void pageEventsArriveWhileTheBrowserThreadSleepsAndAnIdlePageCostsNoPolling(@TempDir Path dir) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        Path chromium = ChromiumLocator.find(System.getProperty("mssg.browser.executable"))
                .orElseThrow(() -> new IllegalStateException("no Chromium found; set -Dmssg.browser.executable"));
        BrowserSettings settings = new BrowserSettings(chromium, true, dir.resolve("profile"), url, List.of(),
                Duration.ofSeconds(60), EgressPolicy.withSimulator(url));
        BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
        session = PageSession.open(settings, new PageListener() {
            @Override
            public void onPageEvent(Map<String, Object> event) {
                events.add(event);
            }

            @Override
            public void onPageCrashed() {
            }

            @Override
            public void onPageNavigated(String to) {
            }

            @Override
            public void onBrowserClosed() {
            }

            @Override
            public void onRequestBlocked(EgressPolicy.Decision decision) {
            }
        });
        WakingTransport transport = session.wakingTransport()
                .orElseThrow(() -> new AssertionError("the waking transport did not install on this Playwright"));

        // five events, 300 ms apart, none of them asked for by a call from Java
        for (int i = 1; i <= 5; i++) {
            Map<String, Object> event = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "event " + i + " reached the listener");
            assertEquals("tick", event.get("type"));
            assertEquals(i, ((Number) event.get("n")).intValue());
        }

        long before = transport.polls();
        Thread.sleep(2_000);
        long looks = transport.polls() - before;
        // Playwright's own loop looks every 10 ms: about 200 times in these 2 s while pumping
        assertTrue(looks < 20, "Playwright's message loop looked " + looks + " times in 2 idle seconds");
        assertTrue(transport.reading());
    }
}
