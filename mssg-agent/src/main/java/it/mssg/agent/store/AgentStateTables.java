package it.mssg.agent.store;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSettingsView;
import it.mssg.agent.api.NeedsHumanView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.application.AgentStateStore;
import it.mssg.agent.application.ChatMemory;
import it.mssg.agent.application.ModeScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static it.mssg.agent.store.Columns.instant;
import static it.mssg.agent.store.Columns.utc;

/**
 * The agent's rules and memory in {@code agent_settings} (one row, id 1), {@code agent_mode_rule},
 * {@code agent_chat_state}, {@code agent_reply} and {@code agent_needs_human}. A save updates the row and inserts it
 * only when there was none.
 */
@Component
@Transactional
class AgentStateTables implements AgentStateStore {

    private static final int SETTINGS_ROW = 1;

    private final JdbcClient jdbc;

    AgentStateTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgentSettingsView> settings() {
        return jdbc.sql("SELECT * FROM agent_settings WHERE id = ?").param(SETTINGS_ROW)
                .query(AgentStateTables::settingsView).optional();
    }

    private static AgentSettingsView settingsView(ResultSet row, int rowNumber) throws SQLException {
        String blockedTopics = row.getString("blocked_topics");
        return new AgentSettingsView(row.getDouble("threshold"), row.getDouble("ambiguity_margin"),
                AgentMode.valueOf(row.getString("default_mode")), row.getInt("takeover_pause_minutes"),
                LocalTime.parse(row.getString("window_opens")), LocalTime.parse(row.getString("window_closes")),
                row.getString("zone_id"), row.getInt("daily_reply_limit"), row.getInt("burst_gap_seconds"),
                row.getInt("stale_after_minutes"),
                blockedTopics.isEmpty() ? List.of() : Arrays.asList(blockedTopics.split("\n")));
    }

    @Override
    public void saveSettings(AgentSettingsView v) {
        Object[] values = {v.threshold(), v.ambiguityMargin(), v.defaultMode().name(), v.takeoverPauseMinutes(),
                hhmm(v.windowOpens()), hhmm(v.windowCloses()), v.zoneId(), v.dailyReplyLimit(), v.burstGapSeconds(),
                v.staleAfterMinutes(), String.join("\n", v.blockedTopics()), SETTINGS_ROW};
        updateElseInsert("UPDATE agent_settings SET threshold = ?, ambiguity_margin = ?, default_mode = ?,"
                        + " takeover_pause_minutes = ?, window_opens = ?, window_closes = ?, zone_id = ?, daily_reply_limit = ?,"
                        + " burst_gap_seconds = ?, stale_after_minutes = ?, blocked_topics = ? WHERE id = ?",
                "INSERT INTO agent_settings (threshold, ambiguity_margin, default_mode, takeover_pause_minutes,"
                        + " window_opens, window_closes, zone_id, daily_reply_limit, burst_gap_seconds, stale_after_minutes,"
                        + " blocked_topics, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
    }

    /** Updates the row, or inserts it when there was none; both statements take {@code values} in the same order. */
    private void updateElseInsert(String update, String insert, Object... values) {
        if (jdbc.sql(update).params(values).update() == 0) {
            jdbc.sql(insert).params(values).update();
        }
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, AgentMode> modes(ModeScope scope) {
        Map<Long, AgentMode> result = new LinkedHashMap<>();
        jdbc.sql("SELECT target_id, mode FROM agent_mode_rule WHERE scope = ?").param(scope.name())
                .query(row -> {
                    result.put(row.getLong("target_id"), AgentMode.valueOf(row.getString("mode")));
                });
        return result;
    }

    @Override
    public void setMode(ModeScope scope, long targetId, AgentMode mode) {
        if (mode == null) {
            jdbc.sql("DELETE FROM agent_mode_rule WHERE scope = ? AND target_id = ?").params(scope.name(), targetId).update();
            return;
        }
        updateElseInsert("UPDATE agent_mode_rule SET mode = ? WHERE scope = ? AND target_id = ?",
                "INSERT INTO agent_mode_rule (mode, scope, target_id) VALUES (?, ?, ?)", mode.name(), scope.name(), targetId);
    }

    @Override
    @Transactional(readOnly = true)
    public ChatMemory chat(long chatId) {
        return jdbc.sql("SELECT * FROM agent_chat_state WHERE chat_id = ?").param(chatId)
                .query((row, n) -> new ChatMemory(row.getLong("chat_id"), instant(row, "last_inbound_at"),
                        instant(row, "burst_started_at"), instant(row, "answered_burst_at"), instant(row, "last_agent_reply_at"),
                        instant(row, "last_manual_reply_at"), row.getInt("pending_echoes")))
                .optional()
                .orElse(ChatMemory.empty(chatId));
    }

    @Override
    public void saveChat(ChatMemory m) {
        Object[] values = {utc(m.lastInboundAt()), utc(m.burstStartedAt()), utc(m.answeredBurstAt()),
                utc(m.lastAgentReplyAt()), utc(m.lastManualReplyAt()), m.pendingEchoes(), m.chatId()};
        updateElseInsert("UPDATE agent_chat_state SET last_inbound_at = ?, burst_started_at = ?, answered_burst_at = ?,"
                        + " last_agent_reply_at = ?, last_manual_reply_at = ?, pending_echoes = ? WHERE chat_id = ?",
                "INSERT INTO agent_chat_state (last_inbound_at, burst_started_at, answered_burst_at, last_agent_reply_at,"
                        + " last_manual_reply_at, pending_echoes, chat_id) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
    }

    @Override
    public void recordReply(long chatId, long contactId, long entryId, Instant at) {
        jdbc.sql("INSERT INTO agent_reply (chat_id, contact_id, entry_id, replied_at) VALUES (?, ?, ?, ?)")
                .params(chatId, contactId, entryId, utc(at)).update();
    }

    @Override
    @Transactional(readOnly = true)
    public int repliesSince(long contactId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM agent_reply WHERE contact_id = ? AND replied_at >= ?")
                .params(contactId, utc(since)).query(Long.class).single().intValue();
    }

    @Override
    public void flagNeedsHuman(long chatId, ReasonCode reason, Instant at) {
        updateElseInsert("UPDATE agent_needs_human SET reason = ?, flagged_at = ? WHERE chat_id = ?",
                "INSERT INTO agent_needs_human (reason, flagged_at, chat_id) VALUES (?, ?, ?)", reason.name(), utc(at), chatId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<NeedsHumanView> needsHuman() {
        return jdbc.sql("SELECT chat_id, reason, flagged_at FROM agent_needs_human ORDER BY flagged_at DESC")
                .query((row, n) -> new NeedsHumanView(row.getLong("chat_id"), ReasonCode.valueOf(row.getString("reason")),
                        instant(row, "flagged_at")))
                .list();
    }

    @Override
    public void clearNeedsHuman(long chatId) {
        jdbc.sql("DELETE FROM agent_needs_human WHERE chat_id = ?").param(chatId).update();
    }
}
