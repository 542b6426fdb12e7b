package it.mssg.agent.store;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSettingsView;
import it.mssg.agent.api.NeedsHumanView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.application.AgentStateStore;
import it.mssg.agent.application.ChatMemory;
import it.mssg.agent.application.ModeScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
@Transactional
class JpaAgentStateStore implements AgentStateStore {

    private final SettingsRepository settings;
    private final ModeRuleRepository modes;
    private final ChatStateRepository chats;
    private final ReplyRepository replies;
    private final NeedsHumanRepository needsHuman;

    JpaAgentStateStore(SettingsRepository settings, ModeRuleRepository modes, ChatStateRepository chats,
                       ReplyRepository replies, NeedsHumanRepository needsHuman) {
        this.settings = settings;
        this.modes = modes;
        this.chats = chats;
        this.replies = replies;
        this.needsHuman = needsHuman;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgentSettingsView> settings() {
        return settings.findById(SettingsEntity.ONLY_ROW).map(s -> new AgentSettingsView(s.threshold, s.ambiguityMargin,
                AgentMode.valueOf(s.defaultMode), s.takeoverPauseMinutes, LocalTime.parse(s.windowOpens),
                LocalTime.parse(s.windowCloses), s.zoneId, s.dailyReplyLimit, s.burstGapSeconds, s.staleAfterMinutes,
                s.blockedTopics.isEmpty() ? List.of() : Arrays.asList(s.blockedTopics.split("\n"))));
    }

    @Override
    public void saveSettings(AgentSettingsView v) {
        SettingsEntity s = settings.findById(SettingsEntity.ONLY_ROW).orElseGet(SettingsEntity::new);
        s.id = SettingsEntity.ONLY_ROW;
        s.threshold = v.threshold();
        s.ambiguityMargin = v.ambiguityMargin();
        s.defaultMode = v.defaultMode().name();
        s.takeoverPauseMinutes = v.takeoverPauseMinutes();
        s.windowOpens = hhmm(v.windowOpens());
        s.windowCloses = hhmm(v.windowCloses());
        s.zoneId = v.zoneId();
        s.dailyReplyLimit = v.dailyReplyLimit();
        s.burstGapSeconds = v.burstGapSeconds();
        s.staleAfterMinutes = v.staleAfterMinutes();
        s.blockedTopics = String.join("\n", v.blockedTopics());
        settings.save(s);
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, AgentMode> modes(ModeScope scope) {
        Map<Long, AgentMode> result = new LinkedHashMap<>();
        modes.findByScope(scope).forEach(r -> result.put(r.targetId, r.mode));
        return result;
    }

    @Override
    public void setMode(ModeScope scope, long targetId, AgentMode mode) {
        Optional<ModeRuleEntity> existing = modes.findByScopeAndTargetId(scope, targetId);
        if (mode == null) {
            existing.ifPresent(modes::delete);
            return;
        }
        ModeRuleEntity r = existing.orElseGet(ModeRuleEntity::new);
        r.scope = scope;
        r.targetId = targetId;
        r.mode = mode;
        modes.save(r);
    }

    @Override
    @Transactional(readOnly = true)
    public ChatMemory chat(long chatId) {
        return chats.findById(chatId)
                .map(c -> new ChatMemory(c.chatId, c.lastInboundAt, c.burstStartedAt, c.answeredBurstAt, c.lastAgentReplyAt,
                        c.lastManualReplyAt, c.pendingEchoes))
                .orElse(ChatMemory.empty(chatId));
    }

    @Override
    public void saveChat(ChatMemory m) {
        ChatStateEntity c = chats.findById(m.chatId()).orElseGet(ChatStateEntity::new);
        c.chatId = m.chatId();
        c.lastInboundAt = m.lastInboundAt();
        c.burstStartedAt = m.burstStartedAt();
        c.answeredBurstAt = m.answeredBurstAt();
        c.lastAgentReplyAt = m.lastAgentReplyAt();
        c.lastManualReplyAt = m.lastManualReplyAt();
        c.pendingEchoes = m.pendingEchoes();
        chats.save(c);
    }

    @Override
    public void recordReply(long chatId, long contactId, long entryId, Instant at) {
        ReplyEntity r = new ReplyEntity();
        r.chatId = chatId;
        r.contactId = contactId;
        r.entryId = entryId;
        r.repliedAt = at;
        replies.save(r);
    }

    @Override
    @Transactional(readOnly = true)
    public int repliesSince(long contactId, Instant since) {
        return replies.countByContactIdAndRepliedAtGreaterThanEqual(contactId, since);
    }

    @Override
    public void flagNeedsHuman(long chatId, ReasonCode reason, Instant at) {
        NeedsHumanEntity n = needsHuman.findById(chatId).orElseGet(NeedsHumanEntity::new);
        n.chatId = chatId;
        n.reason = reason;
        n.flaggedAt = at;
        needsHuman.save(n);
    }

    @Override
    @Transactional(readOnly = true)
    public List<NeedsHumanView> needsHuman() {
        return needsHuman.findAllByOrderByFlaggedAtDesc().stream()
                .map(n -> new NeedsHumanView(n.chatId, n.reason, n.flaggedAt)).toList();
    }

    @Override
    public void clearNeedsHuman(long chatId) {
        needsHuman.findById(chatId).ifPresent(needsHuman::delete);
    }
}
