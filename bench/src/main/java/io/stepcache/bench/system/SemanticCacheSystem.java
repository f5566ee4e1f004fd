package io.stepcache.bench.system;

import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.engine.backend.Generation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A semantic whole-response cache as GPTCache or Portkey build it: the request is embedded with a
 * sentence-embedding model, the most similar earlier request of the same tenant and task is looked
 * up (linear scan, cosine), and when its similarity is at least the threshold its stored response
 * is served as is. Otherwise the model is called and its response stored, unverified.
 *
 * <p>The embedded text is the prompt plus, when present, the required keys and the schema: more
 * than GPTCache's default (the last message only), so a schema change can lower the similarity.
 * That favours the baseline; it is still a whole-response cache.
 */
public final class SemanticCacheSystem implements BenchSystem {

  private record Entry(String task, float[] vector, String response) {}

  private final PlainModel model;
  private final Embedder embedder;
  private final double threshold;
  private final List<Entry> entries = new ArrayList<>();

  public SemanticCacheSystem(PlainModel model, Embedder embedder, double threshold) {
    this.model = model;
    this.embedder = embedder;
    this.threshold = threshold;
  }

  /** {@code semantic-0.80}, {@code semantic-0.95}. */
  public static String nameFor(double threshold) {
    return String.format(Locale.ROOT, "semantic-%.2f", threshold);
  }

  @Override
  public String name() {
    return nameFor(threshold);
  }

  /** What is embedded for a request. */
  static String embeddedText(BenchRequest r) {
    StringBuilder sb = new StringBuilder(r.prompt());
    if (!r.requiredKeys().isEmpty()) {
      sb.append("\nRequired keys: ").append(String.join(", ", r.requiredKeys()));
    }
    if (r.schemaJson() != null) {
      sb.append("\nJSON Schema: ").append(r.schemaJson());
    }
    return sb.toString();
  }

  @Override
  public Served serve(BenchRequest request) {
    float[] v = embedder.embed(embeddedText(request));
    Entry best = null;
    double bestSim = -1;
    for (Entry e : entries) {
      if (!e.task().equals(request.family().task())) {
        continue;
      }
      double sim = Embedder.cosine(v, e.vector());
      if (sim > bestSim) {
        bestSim = sim;
        best = e;
      }
    }
    if (best != null && bestSim >= threshold) {
      return new Served(best.response(), null, "HIT", true, 0, 0, 0, bestSim, null, 0, null);
    }
    double before = model.virtualMs();
    Generation g = model.call(request);
    entries.add(new Entry(request.family().task(), v, g.text()));
    return new Served(g.text(), null, "MISS", false, g.promptTokens(), g.completionTokens(), 1,
        best == null ? null : bestSim, null, model.virtualMs() - before, null);
  }
}
