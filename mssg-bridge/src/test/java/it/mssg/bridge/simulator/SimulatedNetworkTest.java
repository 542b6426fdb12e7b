package it.mssg.bridge.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedNetworkTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private SimulatedNetwork network;

    @AfterEach
    void close() {
        if (network != null) {
            network.close();
        }
    }

    private SimulatedNetwork network() {
        network = new SimulatedNetwork(SimulatedNetwork.Seed.SMALL, dir, clock);
        return network;
    }

    @Test
    void aPageThatKeepsPollingCanBeScannedLongAfterItLoaded() throws Exception {
        SimulatedNetwork n = network();
        Map<String, Object> hello = n.hello(null);
        long seq = (Long) hello.get("seq");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(50));
            n.events(seq, Duration.ZERO);
        }
        assertThat(n.scan()).as("four minutes after the page loaded, still polling").isTrue();
    }

    @Test
    void aPageThatStoppedPollingCannotBeScanned() {
        SimulatedNetwork n = network();
        n.hello(null);
        clock.advance(Duration.ofSeconds(61));
        assertThat(n.scan()).isFalse();
    }

    @Test
    void unlinkedPageGetsAQrScanLinksAndTheLinkSurvivesARestart() throws Exception {
        SimulatedNetwork n = network();
        assertThat(n.scan()).as("no page waits for a scan").isFalse();
        Map<String, Object> hello = n.hello(null);
        assertThat(hello.get("authenticated")).isEqualTo(false);
        @SuppressWarnings("unchecked")
        String code = (String) ((Map<String, Object>) hello.get("authCode")).get("fullCode");
        assertThat(code).startsWith("2@");
        assertThat(n.scan()).isTrue();
        List<Map<String, Object>> events = n.events((Long) hello.get("seq"), Duration.ZERO);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("authenticated");
        String token = (String) events.get(0).get("token");
        n.close();

        SimulatedNetwork again = new SimulatedNetwork(SimulatedNetwork.Seed.SMALL, dir, clock);
        try {
            assertThat(again.hello(token).get("authenticated")).isEqualTo(true);
            again.logout(token);
            assertThat(again.isLinked(token)).isFalse();
        } finally {
            again.close();
        }
    }

    @Test
    void qrRotatesEveryTwentySecondsWhileAPageWaits() {
        SimulatedNetwork n = network();
        @SuppressWarnings("unchecked")
        String first = (String) ((Map<String, Object>) n.hello(null).get("authCode")).get("fullCode");
        clock.advance(Duration.ofSeconds(19));
        @SuppressWarnings("unchecked")
        String stillFirst = (String) ((Map<String, Object>) n.hello(null).get("authCode")).get("fullCode");
        clock.advance(Duration.ofSeconds(2));
        @SuppressWarnings("unchecked")
        String second = (String) ((Map<String, Object>) n.hello(null).get("authCode")).get("fullCode");
        assertThat(stillFirst).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void inboundSendAndFaults() throws Exception {
        SimulatedNetwork n = network();
        long seq = (Long) n.hello(null).get("seq");
        String id = n.inbound("393330000002", "hi");
        assertThat(id).startsWith("false_393330000002@c.us_");
        assertThat(n.messages("393330000002@c.us", 1)).extracting(m -> m.get("body")).containsExactly("hi");
        assertThatThrownBy(() -> n.inbound("12ab", "x")).isInstanceOf(IllegalArgumentException.class);

        n.fault(Map.of("type", "unknown-number", "number", "393339999999"));
        assertThat(n.exists("393339999999@c.us")).isEmpty();
        assertThat(n.exists("393330000002@c.us")).contains("393330000002@c.us");
        assertThatThrownBy(() -> n.send("393339999999@c.us", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(n.sent()).isEmpty();

        n.fault(Map.of("type", "duplicate-events", "count", 1));
        n.inbound("393330000003", "twice");
        List<Map<String, Object>> events = n.events(seq, Duration.ZERO);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("message", "message", "message");
        assertThat(events.get(1).get("message")).isEqualTo(events.get(2).get("message"));

        AtomicBoolean crashed = new AtomicBoolean();
        n.onCrashFault(() -> crashed.set(true));
        n.fault(Map.of("type", "crash"));
        assertThat(crashed).isTrue();
        assertThatThrownBy(() -> n.fault(Map.of("type", "meteor"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSendToAGroupYouAreInLandsInThatGroupAndAnUnknownGroupIsRefused() throws Exception {
        SimulatedNetwork n = network();
        String group = "120363000000000001@g.us";
        long seq = (Long) n.hello(null).get("seq");
        assertThat(n.exists(group)).as("a group is not a phone number").isEmpty();
        assertThat(n.group(group)).contains(group);
        assertThat(n.group("393330000002@c.us")).as("a person's chat is not a group").isEmpty();

        String id = (String) n.send(group, "Pizza at 8?").get("id");

        assertThat(id).startsWith("true_" + group + "_");
        assertThat(n.messages(group, 1)).singleElement().satisfies(m -> {
            assertThat(m.get("body")).isEqualTo("Pizza at 8?");
            assertThat(m.get("to")).isEqualTo(SimulatedNetwork.wid(group));
        });
        assertThat(n.sent()).singleElement().satisfies(s -> assertThat(s.get("to")).isEqualTo(group));
        // the page hears of it as of any message (acks may follow on the network's timer)
        assertThat(n.events(seq, Duration.ZERO).get(0)).containsEntry("type", "message");

        String unknown = "120363999999999999@g.us";
        assertThat(n.group(unknown)).isEmpty();
        assertThatThrownBy(() -> n.send(unknown, "hello?")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not on WhatsApp: " + unknown);
        assertThat(n.messages(unknown, 10)).isEmpty();
        assertThat(n.sent()).hasSize(1);
    }

    @Test
    void aFirstMessageToSomeoneWithoutAChatYetIsSentAndStartsTheirChat() throws Exception {
        SimulatedNetwork n = network();
        String to = "393331234999@c.us";
        assertThat(n.group(to)).isEmpty();

        String id = (String) n.send(to, "Hello, first time").get("id");

        assertThat(id).startsWith("true_" + to + "_");
        assertThat(n.messages(to, 1)).singleElement().satisfies(m -> assertThat(m.get("body")).isEqualTo("Hello, first time"));
        assertThat(n.sent()).singleElement().satisfies(s -> assertThat(s.get("to")).isEqualTo(to));
    }

    @Test
    void aGroupTheAccountLeftStaysInTheListReadOnlyAndRefusesSends() {
        SimulatedNetwork n = network();
        String group = "120363000000000001@g.us";
        assertThat(n.leaveGroup(group)).isTrue();
        assertThat(n.leaveGroup("393330000002@c.us")).as("a person's chat is not a group").isFalse();
        assertThat(n.leaveGroup("120363999999999999@g.us")).isFalse();

        assertThatThrownBy(() -> n.send(group, "still there?")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a participant of this group any more: " + group);
        assertThat(n.sent()).isEmpty();
        assertThat(n.group(group)).as("still a chat of the account").contains(group);
    }

    @Test
    void inDemoModeContactsWriteNowAndThenOnceLinked() throws Exception {
        SimulatedNetwork n = network();
        long seq = (Long) n.hello(null).get("seq");
        n.startDemo(Duration.ofMillis(50));
        Thread.sleep(300);
        assertThat(n.events(seq, Duration.ZERO)).as("nobody writes to an unlinked account").isEmpty();
        assertThat(n.scan()).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (n.events(seq, Duration.ofMillis(100)).stream().noneMatch(e -> "message".equals(e.get("type")))) {
            assertThat(System.nanoTime()).as("a demo message within 5 s").isLessThan(deadline);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAddedContactIsInTheSnapshotAsGivenWithItsChatAndLabels() {
        SimulatedNetwork n = network();
        String hostile = "<script>alert(1)</script>\u202Eevil";
        n.addContact("393339990001", hostile, "\"><img src=x>", List.of(Map.of("name", "=HYPERLINK(\"x\")", "hexColor", "red;x")));
        n.addContact("393339990002", null, "push only", List.of(Map.of("name", "=HYPERLINK(\"x\")")));

        Map<String, Object> snapshot = n.snapshot();
        List<Map<String, Object>> labels = (List<Map<String, Object>>) snapshot.get("labels");
        assertThat(labels).filteredOn(l -> "=HYPERLINK(\"x\")".equals(l.get("name"))).singleElement()
                .satisfies(l -> assertThat(l.get("hexColor")).isEqualTo("red;x"));
        String labelId = (String) labels.get(labels.size() - 1).get("id");
        List<Map<String, Object>> contacts = (List<Map<String, Object>>) snapshot.get("contacts");
        assertThat(contacts).filteredOn(c -> ((Map<String, Object>) c.get("id")).get("user").equals("393339990001"))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("name")).isEqualTo(hostile);
                    assertThat(c.get("pushname")).isEqualTo("\"><img src=x>");
                });
        List<Map<String, Object>> chats = (List<Map<String, Object>>) snapshot.get("chats");
        assertThat(chats).filteredOn(c -> ((Map<String, Object>) c.get("id")).get("user").toString().startsWith("39333999000"))
                .extracting(c -> c.get("name"), c -> c.get("labels"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hostile, List.of(labelId)),
                        org.assertj.core.groups.Tuple.tuple("+393339990002", List.of(labelId)));
        assertThatThrownBy(() -> n.addContact("12", "x", null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> n.addContact("393339990003", "x", null, List.of(Map.of("hexColor", "#fff"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeSeedIsTheBenchmarkAccount() {
        network = new SimulatedNetwork(SimulatedNetwork.Seed.LARGE, dir, clock);
        Map<String, Object> state = network.state();
        assertThat(state.get("contacts")).isEqualTo(5000);
        assertThat(state.get("chats")).isEqualTo(1001);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
