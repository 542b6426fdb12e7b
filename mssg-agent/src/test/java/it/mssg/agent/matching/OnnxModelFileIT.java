package it.mssg.agent.matching;

import dev.langchain4j.model.embedding.EmbeddingModel;
import it.mssg.agent.domain.KnowledgeMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A user's own ONNX model file. The built-in model's files, copied out of its jar, stand in for one: loaded from
 * the file system they must score exactly as the built-in model does.
 */
class OnnxModelFileIT {

    @Test
    void aModelFileOnDiskMatchesLikeTheBuiltInModel(@TempDir Path dir) throws IOException {
        Path model = copy("all-minilm-l6-v2-q.onnx", dir);
        Path tokenizer = copy("all-minilm-l6-v2-q-tokenizer.json", dir);

        EmbeddingModel fromFile = EmbeddingModels.onnx(model, tokenizer, "mean");
        EmbeddingModel builtin = EmbeddingModels.builtin();
        KnowledgeIndex a = new KnowledgeIndex(() -> fromFile);
        KnowledgeIndex b = new KnowledgeIndex(() -> builtin);
        a.replaceAll(FixtureKnowledge.ENTRIES);
        b.replaceAll(FixtureKnowledge.ENTRIES);

        List<KnowledgeMatch> fileScores = a.match("what time do you open?", 3);
        List<KnowledgeMatch> builtinScores = b.match("what time do you open?", 3);
        assertThat(fileScores.get(0).entryId()).isEqualTo(FixtureKnowledge.HOURS);
        for (int i = 0; i < 3; i++) {
            assertThat(fileScores.get(i).entryId()).isEqualTo(builtinScores.get(i).entryId());
            assertThat(fileScores.get(i).score()).isCloseTo(builtinScores.get(i).score(), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void missingFilesAreAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> EmbeddingModels.onnx(dir.resolve("nope.onnx"), dir.resolve("tokenizer.json"), "mean"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model-path");
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = OnnxModelFileIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }
}
