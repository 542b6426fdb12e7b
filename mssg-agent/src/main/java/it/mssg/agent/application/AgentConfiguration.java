package it.mssg.agent.application;

import dev.langchain4j.model.embedding.EmbeddingModel;
import it.mssg.agent.matching.DraftWriter;
import it.mssg.agent.matching.EmbeddingModels;
import it.mssg.agent.matching.HttpDraftWriter;
import it.mssg.agent.matching.HttpEmbeddingModel;
import it.mssg.agent.matching.KnowledgeIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Supplier;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
class AgentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgentConfiguration.class);

    @Bean
    KnowledgeIndex agentKnowledgeIndex(AgentProperties properties) {
        return new KnowledgeIndex(new LazyModel(properties.embedding()));
    }

    /** Null (absent to {@code ObjectProvider}) unless drafting is on: decided at run time, as the bean graph is fixed at build time (Spring AOT). */
    @Bean
    DraftWriter agentDraftWriter(AgentProperties properties) {
        AgentProperties.Drafting d = properties.drafting();
        if (!d.enabled()) {
            return null;
        }
        HttpEmbeddingModel.Dialect dialect = switch (d.provider()) {
            case OLLAMA -> HttpEmbeddingModel.Dialect.OLLAMA;
            case OPENAI -> HttpEmbeddingModel.Dialect.OPENAI;
            default -> throw new IllegalArgumentException("mssg.agent.drafting.provider must be OLLAMA or OPENAI");
        };
        return new HttpDraftWriter(dialect, d.url(), d.model(), d.apiKey(), d.timeout());
    }

    @Bean(destroyMethod = "close")
    AgentWorker agentWorker() {
        return new AgentWorker();
    }

    /** Loads the model on first use (on the agent's worker), so start-up never waits for it. */
    static final class LazyModel implements Supplier<EmbeddingModel>, KnowledgeIndex.Lazy {
        private final AgentProperties.Embedding config;
        private volatile EmbeddingModel model;

        LazyModel(AgentProperties.Embedding config) {
            this.config = config;
        }

        @Override
        public boolean loaded() {
            return model != null;
        }

        @Override
        public EmbeddingModel get() {
            EmbeddingModel m = model;
            if (m != null) return m;
            synchronized (this) {
                if (model == null) {
                    long t0 = System.nanoTime();
                    model = switch (config.provider()) {
                        case BUILTIN -> EmbeddingModels.builtin();
                        case ONNX -> EmbeddingModels.onnx(config.modelPath(), config.tokenizerPath(), config.pooling());
                        case OLLAMA -> EmbeddingModels.http(HttpEmbeddingModel.Dialect.OLLAMA, config.url(),
                                config.model(), config.apiKey(), config.timeout());
                        case OPENAI -> EmbeddingModels.http(HttpEmbeddingModel.Dialect.OPENAI, config.url(),
                                config.model(), config.apiKey(), config.timeout());
                    };
                    log.info("agent embedding model {} ready in {} ms", config.provider(), (System.nanoTime() - t0) / 1_000_000);
                }
                return model;
            }
        }
    }
}
