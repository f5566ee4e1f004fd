package io.stepcache.bench.system;

/** Turns text into a unit-length vector for cosine similarity. Implementations are thread-safe. */
public interface Embedder {

  /** The unit-length embedding of {@code text}. */
  float[] embed(String text);

  /** Name for reports, e.g. {@code all-MiniLM-L6-v2}. */
  String name();

  /** Cosine of two unit vectors. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  /** Scales {@code v} to unit length in place and returns it. */
  static float[] normalise(float[] v) {
    double norm = 0;
    for (float f : v) {
      norm += f * f;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / norm);
      }
    }
    return v;
  }
}
