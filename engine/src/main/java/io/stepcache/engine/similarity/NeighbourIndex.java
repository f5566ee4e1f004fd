package io.stepcache.engine.similarity;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Structure keys per scope (tenant + pack key), searched by cosine similarity. Scopes never mix,
 * so a tenant's requests only ever find that tenant's entries. Each scope keeps at most {@code
 * maxPerScope} keys (oldest dropped first); search is a linear scan of one scope.
 */
public final class NeighbourIndex {

  /** A neighbour and how similar it is. */
  public record Match(String structureKey, double similarity) {}

  private final int maxPerScope;
  private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

  public NeighbourIndex(int maxPerScope) {
    if (maxPerScope < 1) {
      throw new IllegalArgumentException("maxPerScope must be positive, got " + maxPerScope);
    }
    this.maxPerScope = maxPerScope;
  }

  /** Records that {@code structureKey} is cached in {@code scope}. */
  public void add(String scope, String structureKey) {
    scopes.computeIfAbsent(scope, s -> new Scope()).add(structureKey, maxPerScope);
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

  /** The most similar key in the scope at or above {@code threshold}, excluding {@code self}. */
  public Optional<Match> best(String scope, String structureKey, double threshold) {
    Scope s = scopes.get(scope);
    return s == null ? Optional.empty() : s.best(structureKey, TextVector.of(structureKey), threshold);
  }

  private static final class Scope {
    private final LinkedHashMap<String, TextVector> keys = new LinkedHashMap<>();

    synchronized void add(String key, int max) {
      if (keys.containsKey(key)) {
        return;
      }
      keys.put(key, TextVector.of(key));
      Iterator<String> it = keys.keySet().iterator();
      while (keys.size() > max && it.hasNext()) {
        it.next();
        it.remove();
      }
    }

    synchronized void remove(String key) {
      keys.remove(key);
    }

    synchronized Optional<Match> best(String self, TextVector v, double threshold) {
      Match best = null;
      for (Map.Entry<String, TextVector> e : keys.entrySet()) {
        if (e.getKey().equals(self)) {
          continue;
        }
        double sim = v.cosine(e.getValue());
        if (sim >= threshold && (best == null || sim > best.similarity())) {
          best = new Match(e.getKey(), sim);
        }
      }
      return Optional.ofNullable(best);
    }
  }
}
