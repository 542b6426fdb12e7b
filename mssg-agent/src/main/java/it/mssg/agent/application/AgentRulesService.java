package it.mssg.agent.application;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentRules;
import it.mssg.agent.api.AgentSettingsView;
import it.mssg.agent.domain.AgentSettings;
import it.mssg.agent.domain.ResponseWindow;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

@Service
class AgentRulesService implements AgentRules {

    private final AgentStateStore store;
    private final AgentProperties properties;

    AgentRulesService(AgentStateStore store, AgentProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public AgentSettingsView settings() {
        return store.settings().orElseGet(properties::defaults);
    }

    @Override
    public AgentSettingsView updateSettings(AgentSettingsView edit) {
        store.saveSettings(edit);
        return settings();
    }

    @Override
    public void setContactMode(long contactId, AgentMode mode) {
        store.setMode(ModeScope.CONTACT, contactId, mode);
    }

    @Override
    public void setTagMode(long tagId, AgentMode mode) {
        store.setMode(ModeScope.TAG, tagId, mode);
    }

    @Override
    public Map<Long, AgentMode> contactModes() {
        return store.modes(ModeScope.CONTACT);
    }

    @Override
    public Map<Long, AgentMode> tagModes() {
        return store.modes(ModeScope.TAG);
    }

    /** The settings as the decision reads them. */
    AgentSettings current() {
        return toDomain(settings());
    }

    static AgentSettings toDomain(AgentSettingsView v) {
        return new AgentSettings(v.threshold(), v.ambiguityMargin(), v.defaultMode(),
                Duration.ofMinutes(v.takeoverPauseMinutes()),
                new ResponseWindow(v.windowOpens(), v.windowCloses(), ZoneId.of(v.zoneId())), v.dailyReplyLimit(),
                Duration.ofSeconds(v.burstGapSeconds()), Duration.ofMinutes(v.staleAfterMinutes()), v.blockedTopics());
    }
}
