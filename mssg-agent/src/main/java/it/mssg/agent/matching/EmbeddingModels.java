package it.mssg.agent.matching;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Builds the configured embedding model. */
public final class EmbeddingModels {

    private EmbeddingModels() {
    }

    /** The built-in all-MiniLM-L6-v2 (quantized): loaded from the jar, about half a second, no network. */
    public static EmbeddingModel builtin() {
        return new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The user's own ONNX sentence model and its HuggingFace {@code tokenizer.json}. */
    public static EmbeddingModel onnx(Path model, Path tokenizer, String pooling) {
        if (model == null || tokenizer == null || !Files.isReadable(model) || !Files.isReadable(tokenizer)) {
            throw new IllegalArgumentException("mssg.agent.embedding.model-path and tokenizer-path must name readable files");
        }
        return new OnnxEmbeddingModel(model, tokenizer, PoolingMode.valueOf(pooling.toUpperCase(Locale.ROOT)));
    }

    public static EmbeddingModel http(HttpEmbeddingModel.Dialect dialect, URI url, String model, String apiKey,
                                      Duration timeout) {
        return new HttpEmbeddingModel(dialect, url, model, apiKey, timeout);
    }
}
