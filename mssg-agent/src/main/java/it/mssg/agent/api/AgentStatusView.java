package it.mssg.agent.api;

/**
 * How the agent is set up right now, for the Agent screen.
 *
 * @param embeddingProvider BUILTIN, ONNX, OLLAMA or OPENAI
 * @param modelReady        the embedding model has been loaded (it loads in the background after start)
 * @param indexedEntries    enabled knowledge-base entries in the in-memory index
 * @param indexedQuestions  example questions embedded in the index
 * @param outboxConnected   automatic answers have a way out (else AUTO decisions are suppressed as NO_SENDER)
 * @param draftingEnabled   a local language model drafts suggestions
 */
public record AgentStatusView(String embeddingProvider, boolean modelReady, int indexedEntries, int indexedQuestions,
                              boolean outboxConnected, boolean draftingEnabled) {
}
