/**
 * Semantic matching: the in-memory index of example-question embeddings, the embedding models (built-in,
 * the user's ONNX file, an Ollama or OpenAI-compatible endpoint) and optional drafting by a local language model.
 */
package it.mssg.agent.matching;
