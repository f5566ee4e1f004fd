package io.stepcache.engine.internal;

import io.stepcache.engine.trust.TrustSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often independent generations of one pack disagree about a step, and so how many unanimous
 * agreements a provisional step needs. Every comparison of two generations of the same slot (a
 * confirmation round, an audit, a PATCH that regenerates a provisional step, a fact stated twice)
 * is one observation.
 *
 * <p>If one generation is wrong with probability {@code e} and a wrong one names the same wrong
 * value as another wrong one (the worst case: a single distractor in the text), two generations
 * disagree with probability {@code d = 2e(1-e)}; so {@code e = (1 - sqrt(1 - 2d)) / 2}. A step stated
 * by the first generation and agreed by {@code n} more is wrong only if all {@code n + 1} were: at
 * most {@code e^(n+1)}. The engine requires the smallest {@code n} within the settings' bounds with
 * {@code e^(n+1) <= errorTarget}. The disagreement rate starts from a prior of {@value
 * #PRIOR_DISAGREEMENTS} disagreements in {@value #PRIOR_OBSERVATIONS} observations (a fairly
 * reliable model) and follows the observations. Thread-safe.
 */
final class ModelReliability {

  static final double PRIOR_DISAGREEMENTS = 0.5;
  static final double PRIOR_OBSERVATIONS = 25;

  private final TrustSettings settings;
  private final Map<String, long[]> byPack = new ConcurrentHashMap<>();

  ModelReliability(TrustSettings settings) {
    this.settings = settings;
  }

  /** Two generations of a step of pack {@code packKey} were compared. */
  void observe(String packKey, boolean agreed) {
    long[] c = byPack.computeIfAbsent(packKey, k -> new long[2]);
    synchronized (c) {
      c[0]++;
      if (!agreed) {
        c[1]++;
      }
    }
  }

  /** The estimated probability that one generation of pack {@code packKey} gets a step wrong. */
  double errorRate(String packKey) {
    long[] c = byPack.get(packKey);
    long observations;
    long disagreements;
    if (c == null) {
      observations = 0;
      disagreements = 0;
    } else {
      synchronized (c) {
        observations = c[0];
        disagreements = c[1];
      }
    }
    double d = Math.min(0.5, (disagreements + PRIOR_DISAGREEMENTS) / (observations + PRIOR_OBSERVATIONS));
    return (1 - Math.sqrt(1 - 2 * d)) / 2;
  }

  /** Agreements a provisional step of pack {@code packKey} needs now. */
  int confirmationsNeeded(String packKey) {
    double e = errorRate(packKey);
    int n = settings.confirmations();
    while (n < settings.maxConfirmations() && Math.pow(e, n + 1) > settings.errorTarget()) {
      n++;
    }
    return n;
  }
}
