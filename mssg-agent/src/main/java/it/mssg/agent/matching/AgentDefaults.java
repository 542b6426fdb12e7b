package it.mssg.agent.matching;

/**
 * Default matching figures for the built-in all-MiniLM-L6-v2 (quantized) model, on the embedding stores'
 * {@code (cosine + 1) / 2} scale, where unrelated texts score about 0.5–0.7 rather than 0.
 * <p>
 * Measured on the English fixture set of {@code KnowledgeIndexCalibrationIT} (3 entries, 4 example
 * questions each): off-topic chatter ("ok thanks", "hello", "good morning", "👍", …) tops out at
 * 0.59–0.69; paraphrased on-topic questions score 0.84–0.94 with the right entry first and a lead of
 * 0.09–0.30 over the second; a paraphrase far from every example ("do you ship to Milan?") ranks right
 * but scores 0.74. The threshold 0.80 leaves 0.11 above the loudest chatter, so the agent errs towards
 * silence; the margin 0.05 sits below the smallest lead seen on a right answer. Another model (a user's
 * ONNX file, an HTTP endpoint) needs its own calibration: both are settings.
 */
public final class AgentDefaults {

    public static final double THRESHOLD = 0.80;
    public static final double AMBIGUITY_MARGIN = 0.05;

    private AgentDefaults() {
    }
}
