package it.mssg.agent.application;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSettingsView;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.LocalTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentPropertiesTest {

    private static AgentProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("mssg.agent", AgentProperties.class);
    }

    @Test
    void defaultsAreOfflineCautiousAndCalibrated() {
        AgentProperties p = bind(Map.of());
        AgentSettingsView d = p.defaults();

        assertThat(d.threshold()).isEqualTo(0.80);
        assertThat(d.ambiguityMargin()).isEqualTo(0.05);
        assertThat(d.defaultMode()).isEqualTo(AgentMode.SUGGEST);
        assertThat(d.windowOpens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(d.windowCloses()).isEqualTo(LocalTime.of(20, 0));
        assertThat(d.zoneId()).isEqualTo(java.time.ZoneId.systemDefault().getId());
        assertThat(d.blockedTopics()).contains("refund", "lawyer", "complaint");
        assertThat(p.embedding().provider()).isEqualTo(AgentProperties.Provider.BUILTIN);
        assertThat(p.embedding().url()).isNull();
        assertThat(p.drafting().enabled()).isFalse();
    }

    @Test
    void everythingCanBeConfigured() {
        AgentProperties p = bind(Map.of(
                "mssg.agent.threshold", "0.85",
                "mssg.agent.default-mode", "AUTO",
                "mssg.agent.zone-id", "Europe/Rome",
                "mssg.agent.blocked-topics", "rimborso,avvocato",
                "mssg.agent.embedding.provider", "OLLAMA",
                "mssg.agent.embedding.url", "http://127.0.0.1:11434",
                "mssg.agent.embedding.model", "nomic-embed-text"));

        assertThat(p.defaults().threshold()).isEqualTo(0.85);
        assertThat(p.defaults().defaultMode()).isEqualTo(AgentMode.AUTO);
        assertThat(p.defaults().zoneId()).isEqualTo("Europe/Rome");
        assertThat(p.defaults().blockedTopics()).containsExactly("rimborso", "avvocato");
        assertThat(p.embedding().provider()).isEqualTo(AgentProperties.Provider.OLLAMA);
        assertThat(p.embedding().model()).isEqualTo("nomic-embed-text");
    }
}
