package io.stepcache.engine.similarity;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Structure keys per scope (tenant + pack key), searched by similarity. Scopes never mix, so a
 * tenant's requests only ever find that tenant's entries. Each scope keeps at most {@code
 * maxPerScope} keys (oldest dropped first); search is a linear scan of one scope.
 *
 * <p>Similarity is the larger of two cosines: of the structure keys' character trigrams (the
 * pack's view of the request's shape) and of the prompts' word and symbol tokens with every digit
 * run replaced by {@code #} (the user's wording, constants ignored). The second lets a request of
 * another kind (a quadratic after a linear equation) still find its neighbour, so the guard sends
 * it to SKIP explicitly. A neighbour is only a candidate: the guard and the verifier decide.
 */
public final class NeighbourIndex {

  /** A neighbour and how similar it is. */
  public record Match(String structureKey, double similarity) {}

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private final int maxPerScope;
  private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

  public NeighbourIndex(int maxPerScope) {
    if (maxPerScope < 1) {
      throw new IllegalArgumentException("maxPerScope must be positive, got " + maxPerScope);
    }
    this.maxPerScope = maxPerScope;
  }

  /** Records that {@code structureKey}, stored for {@code prompt}, is cached in {@code scope}. */
  public void add(String scope, String structureKey, String prompt) {
    scopes.computeIfAbsent(scope, s -> new Scope()).add(structureKey, new Probe(structureKey, prompt), maxPerScope);
  }

  /** Forgets a key (e.g. its entry expired). */
  public void remove(String scope, String structureKey) {
    Scope s = scopes.get(scope);
    if (s != null) {
      s.remove(structureKey);
    }
  }

  /** Forgets every scope whose name contains {@code packKey}. */
  public void removePack(String packKey) {
    scopes.keySet().removeIf(scope -> scope.endsWith(packKey));
  }

  /**
   * The most similar key in the scope at or above {@code threshold}, excluding {@code
   * structureKey} itself (exact hits are the store's business).
   */
  public Optional<Match> best(String scope, String structureKey, String prompt, double threshold) {
    Scope s = scopes.get(scope);
    return s == null ? Optional.empty() : s.best(structureKey, new Probe(structureKey, prompt), threshold);
  }

  /** The vectors one request is compared by. */
  private record Probe(TextVector key, TextVector wording) {
    Probe(String structureKey, String prompt) {
      this(TextVector.of(structureKey), TextVector.ofTokens(DIGITS.matcher(prompt).replaceAll("#")));
    }

    double similarity(Probe other) {
      return Math.max(key.cosine(other.key), wording.cosine(other.wording));
    }
  }

  private static final class Scope {
    private final LinkedHashMap<String, Probe> keys = new LinkedHashMap<>();

    synchronized void add(String key, Probe probe, int max) {
      if (keys.containsKey(key)) {
        return;
      }
      keys.put(key, probe);
      Iterator<String> it = keys.keySet().iterator();
      while (keys.size() > max && it.hasNext()) {
        it.next();
        it.remove();
      }
    }

    synchronized void remove(String key) {
      keys.remove(key);
    }

    synchronized Optional<Match> best(String self, Probe probe, double threshold) {
      Match best = null;
      for (Map.Entry<String, Probe> e : keys.entrySet()) {
        if (e.getKey().equals(self)) {
          continue;
        }
        double sim = probe.similarity(e.getValue());
        if (sim >= threshold && (best == null || sim > best.similarity())) {
          best = new Match(e.getKey(), sim);
        }
      }
      return Optional.ofNullable(best);
    }
  }
}
