package it.mssg.agent.application;

import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSettingsView;
import it.mssg.agent.matching.AgentDefaults;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code mssg.agent.*}: the defaults of the agent's rules (until the user saves their own on the Agent screen),
 * and the embedding model. Everything is offline unless an endpoint is configured.
 *
 * @param defaultMode SUGGEST: out of the box the agent only suggests; sending by itself is the user's choice
 * @param zoneId      the zone of the response window and of "per day"; empty means the machine's zone
 */
@ConfigurationProperties("mssg.agent")
public record AgentProperties(
        @DefaultValue("" + AgentDefaults.THRESHOLD) double threshold,
        @DefaultValue("" + AgentDefaults.AMBIGUITY_MARGIN) double ambiguityMargin,
        @DefaultValue("SUGGEST") AgentMode defaultMode,
        @DefaultValue("30") int takeoverPauseMinutes,
        @DefaultValue("08:00") LocalTime windowOpens,
        @DefaultValue("20:00") LocalTime windowCloses,
        @DefaultValue("") String zoneId,
        @DefaultValue("3") int dailyReplyLimit,
        @DefaultValue("120") int burstGapSeconds,
        @DefaultValue("15") int staleAfterMinutes,
        @DefaultValue({"refund", "refunds", "money back", "lawyer", "attorney", "legal action", "sue", "court",
                "complaint", "complain", "chargeback", "fraud", "scam", "police"}) List<String> blockedTopics,
        @DefaultValue Embedding embedding,
        @DefaultValue Drafting drafting) {

    public enum Provider {
        /** all-MiniLM-L6-v2 (quantized), inside the application: English, no download, no network. */
        BUILTIN,
        /** The user's own ONNX model file and its tokenizer.json (e.g. a multilingual sentence model). */
        ONNX,
        /** An Ollama server's {@code /api/embed}. */
        OLLAMA,
        /** An OpenAI-compatible {@code /v1/embeddings} (LM Studio, llama.cpp server, vLLM, …). */
        OPENAI
    }

    /**
     * @param url     base address of an HTTP endpoint, e.g. {@code http://127.0.0.1:11434}
     * @param apiKey  sent as a bearer token when set
     * @param pooling for ONNX: MEAN or CLS, as the model was trained
     */
    public record Embedding(@DefaultValue("BUILTIN") Provider provider, Path modelPath, Path tokenizerPath,
                            @DefaultValue("MEAN") String pooling, URI url, String model, String apiKey,
                            @DefaultValue("10s") Duration timeout) {
    }

    /**
     * Optional drafts by a local language model, shown as suggestions only (never sent by the agent) and dropped
     * when they contain personal data that is not in the approved answers.
     *
     * @param provider OLLAMA or OPENAI (an OpenAI-compatible server)
     */
    public record Drafting(@DefaultValue("false") boolean enabled, @DefaultValue("OLLAMA") Provider provider, URI url,
                           String model, String apiKey, @DefaultValue("30s") Duration timeout) {
    }

    /** The defaults as settings the user can edit. */
    public AgentSettingsView defaults() {
        String zone = zoneId == null || zoneId.isBlank() ? ZoneId.systemDefault().getId() : zoneId;
        return new AgentSettingsView(threshold, ambiguityMargin, defaultMode, takeoverPauseMinutes, windowOpens,
                windowCloses, zone, dailyReplyLimit, burstGapSeconds, staleAfterMinutes, blockedTopics);
    }
}
