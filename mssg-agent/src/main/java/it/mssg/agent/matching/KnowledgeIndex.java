package it.mssg.agent.matching;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import it.mssg.agent.domain.KnowledgeMatch;
import it.mssg.agent.domain.TextRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The in-memory index of the knowledge base. Example questions are embedded once and cached per entry; an
 * entry is embedded again only when its questions change. A message scores against an entry as the best of
 * its example questions, on the same scale as langchain4j's embedding stores: {@code (cosine + 1) / 2}.
 * A whole-word keyword hit scores 1, whatever the language.
 * <p>
 * Reads take an immutable snapshot, so matching never waits for a rebuild.
 */
public final class KnowledgeIndex {

    private record Indexed(MatchableEntry entry, float[][] vectors) {
    }

    private final Supplier<EmbeddingModel> model;
    private volatile Map<Long, Indexed> snapshot = Map.of();

    /** @param model supplies the embedding model; called on first use, so loading it never slows start-up */
    public KnowledgeIndex(Supplier<EmbeddingModel> model) {
        this.model = model;
    }

    /** Replaces the whole index, re-embedding only entries whose example questions changed. */
    public synchronized void replaceAll(List<MatchableEntry> entries) {
        Map<Long, Indexed> next = new HashMap<>();
        for (MatchableEntry e : entries) next.put(e.id(), index(e, snapshot.get(e.id())));
        snapshot = Map.copyOf(next);
    }

    public synchronized void put(MatchableEntry entry) {
        Map<Long, Indexed> next = new HashMap<>(snapshot);
        next.put(entry.id(), index(entry, snapshot.get(entry.id())));
        snapshot = Map.copyOf(next);
    }

    public synchronized void remove(long entryId) {
        Map<Long, Indexed> next = new HashMap<>(snapshot);
        next.remove(entryId);
        snapshot = Map.copyOf(next);
    }

    /** True once the model has been loaded (by the first indexing or match). */
    public boolean modelReady() {
        return model instanceof Lazy lazy ? lazy.loaded() : true;
    }

    /** A model supplier that can tell whether it has loaded yet. */
    public interface Lazy {
        boolean loaded();
    }

    public int size() {
        return snapshot.size();
    }

    public int questionCount() {
        return snapshot.values().stream().mapToInt(i -> i.vectors().length).sum();
    }

    /** Every indexed entry's score for {@code text}, best first, at most {@code limit}. */
    public List<KnowledgeMatch> match(String text, int limit) {
        return scan(text, () -> embed(text), limit);
    }

    /** The scan behind {@link #match}, with the message's unit vector computed (at most once) by {@code embedding}. */
    List<KnowledgeMatch> scan(String text, Supplier<float[]> embedding, int limit) {
        Map<Long, Indexed> entries = snapshot;
        if (entries.isEmpty() || text == null || text.isBlank()) return List.of();
        float[] query = null;
        String normalized = TextRules.normalize(text);
        List<KnowledgeMatch> matches = new ArrayList<>(entries.size());
        for (Indexed indexed : entries.values()) {
            if (TextRules.firstHitInNormalized(normalized, indexed.entry().keywords()).isPresent()) {
                matches.add(new KnowledgeMatch(indexed.entry().id(), 1.0, true));
                continue;
            }
            if (indexed.vectors().length == 0) continue;
            if (query == null) query = embedding.get();
            double best = -1;
            for (float[] v : indexed.vectors()) best = Math.max(best, dot(query, v));
            matches.add(new KnowledgeMatch(indexed.entry().id(), toScore(best), false));
        }
        return matches.stream().sorted(Comparator.comparingDouble(KnowledgeMatch::score).reversed())
                .limit(limit).toList();
    }

    /** The embedding stores' relevance score: cosine mapped from [-1, 1] onto [0, 1]. */
    static double toScore(double cosine) {
        return Math.max(0, Math.min(1, (cosine + 1) / 2));
    }

    private Indexed index(MatchableEntry entry, Indexed cached) {
        if (cached != null && cached.entry().questions().equals(entry.questions())) {
            return new Indexed(entry, cached.vectors());
        }
        if (entry.questions().isEmpty()) return new Indexed(entry, new float[0][]);
        List<TextSegment> segments = entry.questions().stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model.get().embedAll(segments).content();
        float[][] vectors = new float[embeddings.size()][];
        for (int i = 0; i < vectors.length; i++) vectors[i] = unit(embeddings.get(i).vector());
        return new Indexed(entry, vectors);
    }

    private float[] embed(String text) {
        return unit(model.get().embed(text).content().vector());
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }

    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalStateException("embedding dimensions differ: " + a.length + " vs " + b.length
                + "; the knowledge base must be re-indexed after changing the model");
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }
}
