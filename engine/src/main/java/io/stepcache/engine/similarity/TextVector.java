package io.stepcache.engine.similarity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A unit-length sparse vector of character trigrams (hashed), for cosine similarity of structure
 * keys. Cheap to build (one pass) and to compare (iteration over the smaller vector).
 */
public final class TextVector {

  private final Map<Integer, Double> weights;

  private TextVector(Map<Integer, Double> weights) {
    this.weights = weights;
  }

  /** The trigram vector of {@code text} (lower-cased, padded with spaces). */
  public static TextVector of(String text) {
    String t = " " + text.toLowerCase(Locale.ROOT).strip() + " ";
    Map<Integer, Double> counts = new HashMap<>();
    for (int i = 0; i + 3 <= t.length(); i++) {
      counts.merge(t.substring(i, i + 3).hashCode(), 1.0, Double::sum);
    }
    double norm = Math.sqrt(counts.values().stream().mapToDouble(v -> v * v).sum());
    if (norm > 0) {
      counts.replaceAll((k, v) -> v / norm);
    }
    return new TextVector(counts);
  }

  /** Cosine similarity in [0,1]. */
  public double cosine(TextVector other) {
    Map<Integer, Double> small = weights.size() <= other.weights.size() ? weights : other.weights;
    Map<Integer, Double> large = small == weights ? other.weights : weights;
    double dot = 0;
    for (Map.Entry<Integer, Double> e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    return Math.max(0, Math.min(1, dot));
  }
}
