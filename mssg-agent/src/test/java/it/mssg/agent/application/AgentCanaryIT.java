package it.mssg.agent.application;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.MessageTest;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;
import it.mssg.core.api.ChatView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages carrying a unique marker go through the agent in every mode and along every path (answer, suggestion,
 * silence, blocked topic, skip, stale). Afterwards the marker must be nowhere the agent writes: not in the
 * health counters, not in any table of the database, not in the database file (H2; PostgreSQL keeps its files to
 * itself), not in a log line at INFO.
 */
class AgentCanaryIT extends AgentITSupport {

    @Autowired JdbcTemplate jdbc;

    final String marker = "CANARY-" + UUID.randomUUID();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        setUpShop();
        logs.setContext(root.getLoggerContext());
        logs.start();
        root.addAppender(logs);
        if (!root.isEnabledFor(Level.INFO)) root.setLevel(Level.INFO);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
    }

    @Test
    void theMarkerLeavesNoTrace() throws Exception {
        long sent = count(ReplyOutcome.SENT, ReasonCode.MATCHED), suggested = count(ReplyOutcome.SUGGESTED, ReasonCode.MATCHED),
                off = count(ReplyOutcome.SKIPPED, ReasonCode.MODE_OFF), blocked = count(ReplyOutcome.SILENCE, ReasonCode.BLOCKED_TOPIC);
        int queuedBefore = outbox.queued.size();

        List<ChatView> chats = new ArrayList<>();
        for (AgentMode mode : AgentMode.values()) {
            ChatView chat = core.contactWithChat("Zoe " + mode, false, List.of());
            rules.setContactMode(chat.contactId(), mode);
            chats.add(chat);
        }
        chats.add(core.contactWithChat("Yann (default mode)", false, List.of()));
        ChatView group = core.group("Group");
        ChatView optedOut = core.contactWithChat("Xena", true, List.of());
        Instant start = Instant.now().minus(Duration.ofMinutes(12));
        for (ChatView chat : chats) {
            core.receive(chat, "what time do you open? " + marker, start, true);
            core.receive(chat, marker + " I want a refund", start.plus(Duration.ofMinutes(4)), true);
            core.receive(chat, "ok thanks " + marker, start.plus(Duration.ofMinutes(8)), true);
            core.receive(chat, "listino " + marker, start.plus(Duration.ofMinutes(12)), true);
            core.receive(chat, "what time do you open? " + marker, start.minus(Duration.ofDays(1)), false);
            core.receive(chat, "stale after a reconnect " + marker, start.minus(Duration.ofHours(3)), true);
            core.sendByHand(chat, "manual reply " + marker);
        }
        core.receive(group, "what time do you open? " + marker, Instant.now(), true);
        core.receive(optedOut, "what time do you open? " + marker, Instant.now(), true);
        knowledge.test(new MessageTest("what time do you open? " + marker, AgentMode.AUTO));
        drain();

        // the messages really went through every path
        assertThat(count(ReplyOutcome.SENT, ReasonCode.MATCHED)).isGreaterThan(sent);
        assertThat(count(ReplyOutcome.SUGGESTED, ReasonCode.MATCHED)).isGreaterThan(suggested);
        assertThat(count(ReplyOutcome.SKIPPED, ReasonCode.MODE_OFF)).isGreaterThan(off);
        assertThat(count(ReplyOutcome.SILENCE, ReasonCode.BLOCKED_TOPIC)).isGreaterThan(blocked);
        assertThat(outbox.queued.size()).isGreaterThan(queuedBefore);
        assertThat(logs.list).isNotEmpty();

        assertThat(health.daily(java.time.LocalDate.now().minusDays(2), java.time.LocalDate.now().plusDays(2)).toString())
                .doesNotContain(marker);
        assertThat(outbox.queued.toString() + outbox.queued.stream().map(r -> r.text()).toList()).doesNotContain(marker);

        List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE LOWER(TABLE_SCHEMA) = 'public' AND TABLE_TYPE = 'BASE TABLE'", String.class);
        assertThat(tables).as("the agent's own tables are scanned").anyMatch(t -> t.equalsIgnoreCase("agent_knowledge_entry"));
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM \"" + table + "\"")) {
                assertThat(String.valueOf(row.values())).as(table).doesNotContain(marker);
            }
        }

        // the database file: H2's lies in the data folder; PostgreSQL's belong to its server (the table scan above covers it)
        String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if ("H2".equals(database)) {
            jdbc.execute("CHECKPOINT SYNC");
            try (Stream<Path> files = Files.walk(DATA_DIR)) {
                byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
                byte[] knownText = "we are open Monday to Saturday".getBytes(StandardCharsets.UTF_8);
                boolean scanSeesText = false;
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] content = Files.readAllBytes(file);
                    assertThat(indexOf(content, needle)).as(file.toString()).isEqualTo(-1);
                    scanSeesText |= indexOf(content, knownText) >= 0;
                }
                assertThat(scanSeesText).as("the file scan finds the knowledge base's own text").isTrue();
            }
        } else {
            assertThat(database).isEqualTo("PostgreSQL");
        }

        for (ILoggingEvent event : logs.list) {
            if (!event.getLevel().isGreaterOrEqual(Level.INFO)) continue;
            assertThat(event.getFormattedMessage()).doesNotContain(marker);
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(marker);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
