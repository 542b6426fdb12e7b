package it.mssg.core.application;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.FakeWhatsApp;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.DataExport;
import it.mssg.core.api.GovernorSettingsApi;
import it.mssg.core.api.GovernorSettingsView;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.WaAck;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaMessage;
import it.mssg.core.domain.sending.GovernorSettings;
import it.mssg.core.domain.sending.SpacingRange;
import it.mssg.core.domain.sending.WarmUp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages in, messages out, contacts typed in, an export: names and texts carry unique markers, and no
 * INFO (or higher) log line, argument or exception message holds any of them.
 */
@TestPropertySource(properties = {"mssg.outbox.send-loop=false", "mssg.outbox.time-zone=UTC"})
class InfoLogHygieneIT extends CoreIntegrationTest {

    static final String PEER = "393331777001@c.us";
    static final String GROUP = "393331777001-1600000000@g.us";

    @Autowired InboundEvents inbound;
    @Autowired SendMessages send;
    @Autowired ContactCommands contacts;
    @Autowired GovernorSettingsApi governor;
    @Autowired DataExport export;
    @Autowired SendLoop loop;
    @Autowired SendState sendState;
    @Autowired CoreClock coreClock;
    @Autowired FakeWhatsApp whatsapp;

    final String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    OutboxIT.MovableClock clock;

    @BeforeEach
    void capture() {
        clock = new OutboxIT.MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
        coreClock.set(clock);
        whatsapp.reset();
        whatsapp.now(clock.instant());
        sendState.failureStreak(0);
        sendState.pausedBy(null);
        governor.update(GovernorSettingsView.of(new GovernorSettings(SpacingRange.ofSeconds(0, 1),
                SpacingRange.ofSeconds(0, 1), SpacingRange.ofSeconds(0, 1), 1000, 10_000, 100_000, WarmUp.none(), null,
                Duration.ZERO, Duration.ofHours(24), 100_000, 3, Duration.ofHours(24), 0)));
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        coreClock.set(Clock.systemUTC());
        whatsapp.reset();
    }

    @Test
    void noMarkerReachesTheInfoLog() {
        assertThat(root.getEffectiveLevel().toInt()).as("INFO is logged at all").isLessThanOrEqualTo(Level.INFO_INT);

        inbound.contactsSynced(List.of(new WaContact(PEER, "Name" + marker, "Push" + marker, false, true, List.of())));
        inbound.chatsSynced(List.of(new WaChat(PEER, "Chat" + marker, false, 1, clock.instant(), List.of()),
                new WaChat(GROUP, "Group" + marker, true, 0, clock.instant(), List.of())));
        inbound.messagesReceived(List.of(
                new WaMessage("false_" + PEER + "_IN1", PEER, null, false, "Inbound" + marker, "chat", clock.instant(), 0),
                new WaMessage("false_" + GROUP + "_IN2", GROUP, PEER, false, "Group text" + marker, "chat", clock.instant(), 0),
                new WaMessage("false_" + PEER + "_IN3", PEER, null, false, "STOP", "chat", clock.instant(), 0)));
        inbound.ackChanged(new WaAck(PEER, List.of("false_" + PEER + "_IN1"), 3));
        long typed = contacts.create(new NewContact("+393331777002", "Typed" + marker, "Notes" + marker,
                Map.of("city", "Field" + marker), Set.of())).id();

        whatsapp.state(SessionState.READY);
        send.send(SendCommand.reply(typed, null, "Outbound" + marker, "k-" + marker));
        for (int steps = 0; steps < 1000; steps++) {
            long sleep = loop.step();
            if (sleep == Long.MAX_VALUE) break;
            if (sleep > 0) {
                clock.advance(Duration.ofMillis(sleep));
                whatsapp.now(clock.instant());
            }
        }
        assertThat(whatsapp.sent()).as("the outbound flow ran").anySatisfy(s -> assertThat(s.text()).contains(marker));
        export.writeZip(OutputStream.nullOutputStream());

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : captured.list) {
            if (!e.getLevel().isGreaterOrEqual(Level.INFO)) continue;
            lines.add(e.getLoggerName() + " " + e.getFormattedMessage() + " " + e.getMDCPropertyMap());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) lines.add(t.getMessage());
        }
        assertThat(captured.list).as("the flows did log something at INFO").isNotEmpty();
        assertThat(lines).noneMatch(l -> l != null && l.contains(marker));
    }
}
