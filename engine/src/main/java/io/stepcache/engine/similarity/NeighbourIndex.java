package io.stepcache.engine.similarity;

import io.stepcache.engine.store.EntryKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Stored structure keys per scope (tenant + pack key), searched by similarity. Scopes never mix,
 * so a tenant's requests only ever find that tenant's entries. Each scope keeps at most {@code
 * maxPerScope} keys (oldest dropped first); search is a linear scan of one scope.
 *
 * <p>Keys may carry a variant suffix ({@link EntryKey#variant}); every variant of the request's own
 * structure key is a candidate with similarity 1. Other keys are compared by the larger of two
 * cosines: of the structure keys' character trigrams (the pack's view of the request's shape) and
 * of the prompts' word and symbol tokens with every digit run replaced by {@code #} (the user's
 * wording, constants ignored). The second lets a request of another kind (a quadratic after a
 * linear equation) still find its neighbour, so the guard sends it to SKIP explicitly. Candidates
 * of equal similarity are ordered by the cosine of the prompts' raw tokens (digits kept), so the
 * variant stored for the closest values comes first. A neighbour is only a candidate: the guard
 * and the verifier decide.
 */
public final class NeighbourIndex {

  /**
   * A candidate and how similar it is.
   *
   * @param structureKey the stored key (with its variant suffix, if any)
   * @param similarity 1 for a variant of the request's own structure key, else the larger cosine
   * @param closeness cosine of the raw prompt tokens (orders candidates of equal similarity)
   */
  public record Match(String structureKey, double similarity, double closeness) {}

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Comparator<Match> BEST_FIRST =
      Comparator.comparingDouble(Match::similarity).thenComparingDouble(Match::closeness).reversed();

  private final int maxPerScope;
  private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

  public NeighbourIndex(int maxPerScope) {
    if (maxPerScope < 1) {
      throw new IllegalArgumentException("maxPerScope must be positive, got " + maxPerScope);
    }
    this.maxPerScope = maxPerScope;
  }

  /**
   * Records that {@code structureKey}, stored for {@code prompt}, is cached in {@code scope}; a key
   * added again becomes the newest.
   */
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

  /** Forgets every scope of the pack key {@code packKey} (all tenants and partitions). */
  public void removePack(String packKey) {
    scopes.keySet().removeIf(scope -> packKey.equals(EntryKey.packKeyOfScope(scope)));
  }

  /**
   * Up to {@code limit} candidates for a request, best first: every variant of its own structure
   * key, then other keys at or above {@code threshold}.
   */
  public List<Match> candidates(String scope, String structureKey, String prompt, double threshold, int limit) {
    Scope s = scopes.get(scope);
    if (s == null || limit < 1) {
      return List.of();
    }
    List<Match> all = s.matches(EntryKey.baseOf(structureKey), new Probe(structureKey, prompt), threshold);
    all.sort(BEST_FIRST);
    return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
  }

  /** The stored keys whose base structure key is {@code structureKey}'s, oldest first. */
  public List<String> variants(String scope, String structureKey) {
    Scope s = scopes.get(scope);
    return s == null ? List.of() : s.variants(EntryKey.baseOf(structureKey));
  }

  /** Every stored key of {@code scope} (with its variant suffix), oldest first. */
  public List<String> keys(String scope) {
    Scope s = scopes.get(scope);
    return s == null ? List.of() : s.keys();
  }

  /** The vectors one request is compared by. */
  private record Probe(String base, TextVector key, TextVector wording, TextVector raw) {
    Probe(String structureKey, String prompt) {
      this(
          EntryKey.baseOf(structureKey),
          TextVector.of(EntryKey.baseOf(structureKey)),
          TextVector.ofTokens(DIGITS.matcher(prompt).replaceAll("#")),
          TextVector.ofTokens(prompt));
    }

    double similarity(Probe other) {
      return base.equals(other.base) ? 1.0 : Math.max(key.cosine(other.key), wording.cosine(other.wording));
    }
  }

  private static final class Scope {
    private final LinkedHashMap<String, Probe> keys = new LinkedHashMap<>();

    synchronized void add(String key, Probe probe, int max) {
      keys.remove(key);
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

    synchronized List<Match> matches(String base, Probe probe, double threshold) {
      List<Match> out = new ArrayList<>();
      for (Map.Entry<String, Probe> e : keys.entrySet()) {
        double sim = probe.similarity(e.getValue());
        if (sim >= threshold || base.equals(e.getValue().base())) {
          out.add(new Match(e.getKey(), sim, probe.raw().cosine(e.getValue().raw())));
        }
      }
      return out;
    }

    synchronized List<String> keys() {
      return List.copyOf(keys.keySet());
    }

    synchronized List<String> variants(String base) {
      List<String> out = new ArrayList<>();
      for (Map.Entry<String, Probe> e : keys.entrySet()) {
        if (e.getValue().base().equals(base)) {
          out.add(e.getKey());
        }
      }
      return out;
    }
  }
}
