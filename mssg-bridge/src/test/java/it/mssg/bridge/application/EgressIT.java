package it.mssg.bridge.application;

import com.sun.net.httpserver.HttpServer;
import it.mssg.core.api.BlockedRequestsView;
import it.mssg.core.api.SessionState;
import it.mssg.core.spi.WhatsAppGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static it.mssg.core.api.BlockedRequestsView.Category.ANALYTICS;
import static it.mssg.core.api.BlockedRequestsView.Category.CRASH_LOGS;
import static it.mssg.core.api.BlockedRequestsView.Category.NOT_ALLOWED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The egress policy on a real Chromium: the simulated page tries WhatsApp's crash-log collector, its telemetry
 * host and Google Analytics (fetch, image, beacon), and a loopback port that is not the simulator's (fetch and
 * websocket, answered by a trap server here). Every attempt fails in the page, the trap hears nothing, each
 * block is counted by category and host, and the session, whose own traffic is allowed, carries on.
 */
class EgressIT {

    @TempDir
    Path dataDir;

    @Test
    void analyticsAndCrashLogsAreBlockedAndCountedWhileTheSessionCarriesOn() throws Exception {
        AtomicInteger trapHits = new AtomicInteger();
        HttpServer trap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        trap.createContext("/", exchange -> {
            trapHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        trap.start();
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            assertThat(h.session.blockedRequests()).as("linking and syncing need nothing off the allow-list")
                    .isEqualTo(BlockedRequestsView.NONE);

            String trapUrl = "http://127.0.0.1:" + trap.getAddress().getPort() + "/collect?uid=393330000001";
            assertEquals(200, h.post("/control/fault", Map.of("type", "trackers", "also", trapUrl)).statusCode());
            BridgeHarness.await(() -> trackers(h).size() == 6, Duration.ofSeconds(30), () -> "the page's tracker report");

            assertThat(trackers(h)).filteredOn(t -> !t.get("what").startsWith("beacon"))
                    .as("the page sees every attempt fail").hasSize(5)
                    .allSatisfy(t -> assertThat(t.get("outcome")).startsWith("failed"));
            BridgeHarness.await(() -> h.session.blockedRequests().total() >= 6, Duration.ofSeconds(10),
                    () -> "six blocked requests, got " + h.session.blockedRequests());

            BlockedRequestsView blocked = h.session.blockedRequests();
            assertThat(blocked.crashLogs()).isEqualTo(1);
            assertThat(blocked.analytics()).as("fetch, image and beacon").isEqualTo(3);
            assertThat(blocked.notAllowed()).as("fetch and websocket to another loopback port").isEqualTo(2);
            assertThat(blocked.total()).isEqualTo(6);
            assertThat(blocked.hosts()).containsExactlyInAnyOrder(
                    new BlockedRequestsView.Host("crashlogs.whatsapp.net", CRASH_LOGS, 1),
                    new BlockedRequestsView.Host("analytics.google.com", ANALYTICS, 1),
                    new BlockedRequestsView.Host("www.google-analytics.com", ANALYTICS, 1),
                    new BlockedRequestsView.Host("dit.whatsapp.net", ANALYTICS, 1),
                    new BlockedRequestsView.Host("127.0.0.1", NOT_ALLOWED, 2));
            assertThat(trapHits.get()).as("nothing reached the trap").isZero();

            WhatsAppGateway.SendReceipt receipt = h.gateway.send(new WhatsAppGateway.OutgoingText("393330000004@c.us", "still here"));
            assertThat(receipt.ack()).isGreaterThanOrEqualTo(1);
            assertThat(h.session.status().state()).isEqualTo(SessionState.READY);
            assertThat(h.session.blockedRequests().total()).as("the session's own traffic is never blocked").isEqualTo(6);
            assertThat(h.violations()).isEmpty();
        } finally {
            trap.stop(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> trackers(BridgeHarness h) {
        try {
            return (List<Map<String, String>>) ((Map<String, Object>) h.getJson("/control/state")).get("trackers");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
