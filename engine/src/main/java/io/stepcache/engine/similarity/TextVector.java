package io.stepcache.engine.similarity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit-length sparse vector of hashed features (character trigrams, or word and symbol tokens)
 * for cosine similarity. Cheap to build (one pass) and to compare (iteration over the smaller
 * vector).
 */
public final class TextVector {

  private final Map<Integer, Double> weights;

  private TextVector(Map<Integer, Double> weights) {
    this.weights = weights;
  }

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");

  /** The trigram vector of {@code text} (lower-cased, padded with spaces). */
  public static TextVector of(String text) {
    String t = " " + text.toLowerCase(Locale.ROOT).strip() + " ";
    Map<Integer, Double> counts = new HashMap<>();
    for (int i = 0; i + 3 <= t.length(); i++) {
      counts.merge(t.substring(i, i + 3).hashCode(), 1.0, Double::sum);
    }
    return normalised(counts);
  }

  /** The bag-of-tokens vector of {@code text}: lower-cased words, numbers and single symbols. */
  public static TextVector ofTokens(String text) {
    Map<Integer, Double> counts = new HashMap<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      counts.merge(m.group().hashCode(), 1.0, Double::sum);
    }
    return normalised(counts);
  }

  private static TextVector normalised(Map<Integer, Double> counts) {
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
