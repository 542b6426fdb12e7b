package it.mssg.bridge.application;

import it.mssg.bridge.browser.ChromiumLocator;
import it.mssg.bridge.browser.ProfileLock;
import it.mssg.core.api.DisconnectReason;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.SessionStatus;
import it.mssg.core.api.WaAck;
import it.mssg.core.api.WaMessage;
import it.mssg.core.spi.WhatsAppGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bridge on a real Chromium against the simulator, driven through the simulator's control API. */
class SimulatorSessionIT {

    @TempDir
    Path dataDir;

    @Test
    void qrThenScanReachesReadyAndSyncsEverything() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir)) {
            h.session.start();
            h.awaitState(SessionState.QR_REQUIRED, Duration.ofSeconds(60));
            SessionStatus qr = h.session.status();
            @SuppressWarnings("unchecked")
            Map<String, Object> simQr = (Map<String, Object>) ((Map<String, Object>) h.getJson("/control/state")).get("qr");
            assertEquals(simQr.get("fullCode"), qr.qrCode(), "the QR the dashboard gets is the one the phone would scan");
            assertThat(qr.qrExpiresAt()).isAfter(qr.since());

            assertEquals(200, h.post("/control/scan", Map.of()).statusCode());
            h.awaitReady();

            assertThat(h.states).extracting(SessionStatus::state)
                    .containsSubsequence(SessionState.STARTING, SessionState.QR_REQUIRED, SessionState.SYNCING, SessionState.READY);
            assertThat(h.inbound.labels).hasSize(2);
            assertThat(h.inbound.contacts).hasSize(8);
            assertThat(h.inbound.chats).hasSize(7).containsKey("120363000000000001@g.us");
            assertThat(h.inbound.chats.get("393330000001@c.us").labelIds()).containsExactly("1");
            assertThat(h.inbound.contacts.get("393330000001@c.us").labelIds()).as("chat labels become contact labels").containsExactly("1");
            assertThat(h.inbound.messages).hasSize(6 * 6 + 2);
            WaMessage groupMessage = h.inbound.messages.values().stream().filter(m -> m.chatWaId().endsWith("@g.us")).findFirst().orElseThrow();
            assertThat(groupMessage.authorWaId()).isEqualTo("393330000002@c.us");
            assertThat(h.inbound.calls.subList(0, 3)).containsExactly("labels", "contacts", "chats");
            assertThat(h.session.status().version()).isEqualTo("page WPP");
            assertThat(h.violations()).isEmpty();
        }
    }

    @Test
    void inboundMessageReachesCoreWithinASecondAndSendsGoSentDeliveredRead() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            long before = System.nanoTime();
            HttpResponse<String> written = h.post("/control/inbound", Map.of("from", "393330000003", "body", "<script>hi</script>"));
            assertEquals(200, written.statusCode());
            String id = (String) ((Map<?, ?>) BridgeHarness.JSON.readValue(written.body(), Map.class)).get("id");
            BridgeHarness.await(() -> h.inbound.messages.containsKey(id), Duration.ofSeconds(5), () -> "message " + id);
            long millis = (h.inbound.messageArrivedAtNanos.get(id) - before) / 1_000_000;
            assertThat(millis).as("inbound latency in ms").isLessThan(1000);
            assertThat(h.inbound.messages.get(id).body()).isEqualTo("<script>hi</script>");
            assertThat(h.inbound.messages.get(id).fromMe()).isFalse();

            WhatsAppGateway.SendReceipt receipt = h.gateway.send(new WhatsAppGateway.OutgoingText("393330000004@c.us", "Your table is ready"));
            assertThat(receipt.ack()).isGreaterThanOrEqualTo(1);
            List<?> sent = (List<?>) h.getJson("/control/sent");
            assertThat(sent).hasSize(1);
            Map<?, ?> record = (Map<?, ?>) sent.get(0);
            assertThat(record.get("id")).isEqualTo(receipt.waMessageId());
            assertThat(record.get("to")).isEqualTo("393330000004@c.us");
            assertThat(record.get("body")).isEqualTo("Your table is ready");

            BridgeHarness.await(() -> acksOf(h, receipt.waMessageId()).contains(3), Duration.ofSeconds(5), () -> "read ack, got " + h.inbound.acks);
            assertThat(acksOf(h, receipt.waMessageId())).containsExactly(1, 2, 3);
            assertThat(h.violations()).isEmpty();
        }
    }

    private static List<Integer> acksOf(BridgeHarness h, String id) {
        return h.inbound.acks.stream().filter(a -> a.waMessageIds().contains(id)).map(WaAck::ack).toList();
    }

    @Test
    void unknownNumberIsRefusedBeforeAnythingIsSent() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            assertEquals(200, h.post("/control/fault", Map.of("type", "unknown-number", "number", "393339999999")).statusCode());
            assertThrows(WhatsAppGateway.RecipientNotOnWhatsApp.class,
                    () -> h.gateway.send(new WhatsAppGateway.OutgoingText("393339999999@c.us", "hello")));
            assertThat((List<?>) h.getJson("/control/sent")).isEmpty();
        }
    }

    @Test
    void aReplyInTheDemoGroupIsSentAndShowsUpInTheGroupsHistory() throws Exception {
        String group = "120363000000000001@g.us";
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            WhatsAppGateway.SendReceipt receipt = h.gateway.send(new WhatsAppGateway.OutgoingText(group, "Pizza at 8 then 🍕"));

            assertThat(receipt.ack()).isGreaterThanOrEqualTo(1);
            assertThat(receipt.waMessageId()).startsWith("true_" + group + "_");
            List<?> sent = (List<?>) h.getJson("/control/sent");
            assertThat(sent).singleElement().satisfies(s -> {
                assertThat(((Map<?, ?>) s).get("to")).isEqualTo(group);
                assertThat(((Map<?, ?>) s).get("body")).isEqualTo("Pizza at 8 then 🍕");
            });
            assertThat(h.network.messages(group, 1)).singleElement()
                    .satisfies(m -> assertThat(m.get("body")).isEqualTo("Pizza at 8 then 🍕"));
            // the dashboard's copy: the page reports the sent text as a message of the group chat
            BridgeHarness.await(() -> h.inbound.messages.containsKey(receipt.waMessageId()), Duration.ofSeconds(5),
                    () -> "the sent message " + receipt.waMessageId());
            WaMessage mine = h.inbound.messages.get(receipt.waMessageId());
            assertThat(mine.chatWaId()).isEqualTo(group);
            assertThat(mine.fromMe()).isTrue();
            assertThat(h.violations()).isEmpty();
        }
    }

    @Test
    void aGroupTheAccountLeftIsRefusedForGoodBeforeAnythingIsSent() throws Exception {
        String group = "120363000000000001@g.us";
        try (BridgeHarness h = new BridgeHarness(dataDir)) {
            h.network.leaveGroup(group); // on the phone, before this browser links: the page's chat is read-only
            h.linked();
            WhatsAppGateway.RecipientNotOnWhatsApp refused = assertThrows(WhatsAppGateway.RecipientNotOnWhatsApp.class,
                    () -> h.gateway.send(new WhatsAppGateway.OutgoingText(group, "still there?")));
            assertThat(refused.why()).isEqualTo("you are no longer in this group");
            assertThat((List<?>) h.getJson("/control/sent")).isEmpty();
            assertThat(h.violations()).isEmpty();
        }
    }

    @Test
    void aGroupLeftWhileThePageIsLinkedIsRefusedFromThenOn() throws Exception {
        String group = "120363000000000001@g.us";
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            h.gateway.send(new WhatsAppGateway.OutgoingText(group, "before"));
            h.network.leaveGroup(group);
            // the page hears of it through its event stream, as WhatsApp Web does from the phone
            BridgeHarness.await(() -> {
                try {
                    return Boolean.TRUE.equals(((Map<?, ?>) h.session.call("knownChat", group)).get("readOnly"));
                } catch (Exception e) {
                    return false;
                }
            }, Duration.ofSeconds(10), () -> "the page's group chat read-only");
            WhatsAppGateway.RecipientNotOnWhatsApp refused = assertThrows(WhatsAppGateway.RecipientNotOnWhatsApp.class,
                    () -> h.gateway.send(new WhatsAppGateway.OutgoingText(group, "after")));
            assertThat(refused.why()).isEqualTo("you are no longer in this group");
            assertThat((List<?>) h.getJson("/control/sent")).singleElement()
                    .satisfies(s -> assertThat(((Map<?, ?>) s).get("body")).isEqualTo("before"));
            assertThat(h.violations()).isEmpty();
        }
    }

    @Test
    void aGroupThePageDoesNotHaveIsNotOnWhatsApp() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            assertThrows(WhatsAppGateway.RecipientNotOnWhatsApp.class,
                    () -> h.gateway.send(new WhatsAppGateway.OutgoingText("120363999999999999@g.us", "hello?")));
            assertThat((List<?>) h.getJson("/control/sent")).isEmpty();
            assertThat(h.violations()).isEmpty();
        }
    }

    @Test
    void missingAcksEndInGatewayUnavailableNotAHang() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            h.post("/control/fault", Map.of("type", "no-acks"));
            long start = System.nanoTime();
            assertThrows(WhatsAppGateway.GatewayUnavailable.class,
                    () -> h.gateway.send(new WhatsAppGateway.OutgoingText("393330000004@c.us", "anyone there?")));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(h.session.status().state()).isEqualTo(SessionState.READY);
        }
    }

    @Test
    void pageCrashRecoversToReadyWithNothingDuplicated() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            Set<String> before = Set.copyOf(h.inbound.messages.keySet());
            int statesBefore = h.states.size();
            assertEquals(200, h.post("/control/fault", Map.of("type", "crash")).statusCode());
            h.awaitDisconnected(DisconnectReason.BROWSER_CRASHED, Duration.ofSeconds(20));
            h.awaitState(SessionState.READY, Duration.ofSeconds(60));
            assertThat(h.states.subList(statesBefore, h.states.size())).as("the profile stayed linked: no new QR")
                    .extracting(SessionStatus::state).doesNotContain(SessionState.QR_REQUIRED);
            assertThat(h.inbound.messages.keySet()).isEqualTo(before);
            assertThat(h.inbound.rawMessages.stream().map(WaMessage::waMessageId).collect(Collectors.toSet())).isEqualTo(before);
            assertThat(h.inbound.rawMessages).as("the resync delivered every message again, core dedups them").hasSize(2 * before.size());
            assertEquals(200, h.post("/control/inbound", Map.of("from", "393330000005", "body", "after the crash")).statusCode());
            BridgeHarness.await(() -> h.inbound.messages.size() == before.size() + 1, Duration.ofSeconds(5), () -> "the new message");
        }
    }

    @Test
    void pageHangIsCaughtByTheHeartbeatAndRecovers() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            Set<String> before = Set.copyOf(h.inbound.messages.keySet());
            int statesBefore = h.states.size();
            assertEquals(200, h.post("/control/fault", Map.of("type", "hang")).statusCode());
            h.awaitDisconnected(DisconnectReason.TIMEOUT, Duration.ofSeconds(30));
            h.awaitState(SessionState.READY, Duration.ofSeconds(60));
            assertThat(h.states.subList(statesBefore, h.states.size())).extracting(SessionStatus::state).doesNotContain(SessionState.QR_REQUIRED);
            assertThat(h.inbound.messages.keySet()).isEqualTo(before);
            WhatsAppGateway.SendReceipt receipt = h.gateway.send(new WhatsAppGateway.OutgoingText("393330000002@c.us", "back"));
            assertThat(receipt.waMessageId()).startsWith("true_393330000002@c.us_");
        }
    }

    @Test
    void aPageReloadReinjectsTheShimAndComesBackReadyWithoutQr() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            int statesBefore = h.states.size();
            // callers keep calling the page while it reloads: they may fail, but only with the bridge's typed errors
            java.util.concurrent.atomic.AtomicBoolean reloading = new java.util.concurrent.atomic.AtomicBoolean(true);
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread caller = new Thread(() -> {
                while (reloading.get()) {
                    try {
                        h.session.call("heartbeat");
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            caller.start();
            assertEquals(200, h.post("/control/fault", Map.of("type", "reload")).statusCode());
            BridgeHarness.await(() -> h.states.size() > statesBefore && h.session.status().state() == SessionState.READY,
                    Duration.ofSeconds(30), () -> "READY again, states " + h.states);
            reloading.set(false);
            caller.join(10_000);
            assertThat(failures).allSatisfy(e -> {
                assertThat(e).isInstanceOf(it.mssg.bridge.browser.PageCallFailed.class);
                assertThat(e.getMessage()).doesNotContainIgnoringCase("detached").doesNotContain("Target").doesNotContain("Execution context");
            });
            assertThat(h.states.subList(statesBefore, h.states.size())).extracting(SessionStatus::state)
                    .containsSubsequence(SessionState.STARTING, SessionState.SYNCING, SessionState.READY)
                    .doesNotContain(SessionState.QR_REQUIRED, SessionState.DISCONNECTED);
            WhatsAppGateway.SendReceipt receipt = h.gateway.send(new WhatsAppGateway.OutgoingText("393330000002@c.us", "still here"));
            assertThat(receipt.ack()).isGreaterThanOrEqualTo(1);
            assertThat(h.violations()).isEmpty();
        }
    }

    @Test
    void logoutEndsLoggedOutAndClearsTheProfile() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            assertThat(dataDir.resolve("browser")).isDirectory();
            h.session.logout();
            h.awaitState(SessionState.DISCONNECTED, Duration.ofSeconds(30));
            assertThat(h.session.status().reason()).isEqualTo(DisconnectReason.LOGGED_OUT);
            assertThat(dataDir.resolve("browser")).doesNotExist();
            assertThat(((Map<?, ?>) h.getJson("/control/state")).get("linked")).isEqualTo(false);
            assertThrows(WhatsAppGateway.GatewayUnavailable.class,
                    () -> h.gateway.send(new WhatsAppGateway.OutgoingText("393330000004@c.us", "hello")));
        }
    }

    @Test
    void appRestartWithThePersistedProfileReachesReadyWithoutQr() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            assertThat(h.inbound.messages).isNotEmpty();
        }
        try (BridgeHarness again = new BridgeHarness(dataDir)) {
            again.session.start();
            again.awaitState(SessionState.READY, Duration.ofSeconds(60));
            assertThat(again.states).extracting(SessionStatus::state).doesNotContain(SessionState.QR_REQUIRED);
            assertThat(again.inbound.contacts).hasSize(8);
        }
    }

    @Test
    void duplicatedEventsAreForwardedBothTimesForCoreToDedup() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            h.post("/control/fault", Map.of("type", "duplicate-events", "count", 1));
            HttpResponse<String> written = h.post("/control/inbound", Map.of("from", "393330000006", "body", "twice?"));
            String id = (String) ((Map<?, ?>) BridgeHarness.JSON.readValue(written.body(), Map.class)).get("id");
            BridgeHarness.await(() -> h.inbound.rawMessages.stream().filter(m -> m.waMessageId().equals(id)).count() == 2,
                    Duration.ofSeconds(5), () -> "two deliveries of " + id);
            assertThat(h.inbound.messages.values().stream().filter(m -> m.waMessageId().equals(id))).hasSize(1);
        }
    }

    @Test
    void aBurstOfAThousandMessagesArrivesInOrderAndComplete() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir).linked()) {
            int before = h.inbound.messages.size();
            assertEquals(200, h.post("/control/fault", Map.of("type", "burst", "count", 1000)).statusCode());
            BridgeHarness.await(() -> h.inbound.messages.size() == before + 1000, Duration.ofSeconds(30),
                    () -> (h.inbound.messages.size() - before) + " of 1000");
            List<String> bodies = h.inbound.rawMessages.stream().map(WaMessage::body).filter(b -> b.startsWith("burst message ")).toList();
            assertThat(bodies.get(0)).isEqualTo("burst message 1 of 1000");
            assertThat(bodies.get(999)).isEqualTo("burst message 1000 of 1000");
            assertThat(h.session.status().state()).isEqualTo(SessionState.READY);
        }
    }

    @Test
    void aBrowserThatCannotStartIsRetriedWithBackoffUpToTheCapThenLeftDisconnected() throws Exception {
        try (BridgeHarness h = new BridgeHarness(dataDir, it.mssg.bridge.simulator.SimulatedNetwork.Seed.SMALL, 20, "/bin/false")) {
            h.session.start();
            BridgeHarness.await(() -> h.states.stream().filter(s -> s.state() == SessionState.STARTING).count() == 5
                            && h.session.status().state() == SessionState.DISCONNECTED,
                    Duration.ofSeconds(90), () -> "five launches, states " + h.states);
            Thread.sleep(4000); // longer than the largest backoff (3 s)
            assertThat(h.states).extracting(SessionStatus::state).filteredOn(s -> s == SessionState.STARTING)
                    .as("one start and four retries, then no more").hasSize(5);
            assertThat(h.session.status().reason()).isEqualTo(DisconnectReason.TIMEOUT);
            assertThat(h.session.lastProblem()).startsWith("the browser did not start").contains("Chromium did not start (/bin/false)");
        }
    }

    @Test
    void aBrowserThisAppLeftBehindIsEndedAndDoesNotLockTheProfile() throws Exception {
        // What a launch that timed out on a slow machine leaves: a Chromium started by this JVM holding the profile.
        Path profile = Files.createDirectories(dataDir.resolve("browser"));
        Process leftover = new ProcessBuilder(ChromiumLocator.find("").orElseThrow().toString(), "--headless=new",
                "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ProfileLock.holder(profile).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long holder = ProfileLock.holder(profile).orElseThrow(() -> new AssertionError("the leftover browser never locked the profile"));
            try (BridgeHarness h = new BridgeHarness(dataDir)) {
                h.session.start();
                h.awaitState(SessionState.QR_REQUIRED, Duration.ofSeconds(60));
                assertThat(h.states).extracting(SessionStatus::reason).doesNotContain(DisconnectReason.PROFILE_LOCKED);
                assertThat(ProcessHandle.of(holder).filter(ProcessHandle::isAlive)).as("the leftover was ended").isEmpty();
            }
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aProfileLockedByAnotherProcessIsReportedNotRetried() throws Exception {
        Path profile = Files.createDirectories(dataDir.resolve("browser"));
        Files.createSymbolicLink(profile.resolve("SingletonLock"), Path.of(ProfileLock.hostname() + "-" + ProcessHandle.current().pid()));
        try (BridgeHarness h = new BridgeHarness(dataDir)) {
            h.session.start();
            h.awaitState(SessionState.DISCONNECTED, Duration.ofSeconds(30));
            assertThat(h.session.status().reason()).isEqualTo(DisconnectReason.PROFILE_LOCKED);
            assertThat(h.session.lastProblem()).contains("in use by another process");
            Thread.sleep(1500);
            assertThat(h.states).extracting(SessionStatus::state).filteredOn(s -> s == SessionState.STARTING).hasSize(1);
        }
    }
}
