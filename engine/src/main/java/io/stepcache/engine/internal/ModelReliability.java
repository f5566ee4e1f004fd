package io.stepcache.engine.internal;

import io.stepcache.engine.trust.TrustSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often independent generations of one pack disagree about a step, and so how many unanimous
 * agreements a provisional step needs. Every comparison of two generations of the same question (a
 * confirmation round, a fact stated twice) is one observation, counted for the pack and for the
 * step's slot (json: the key), since the risk is not spread evenly: a key whose text holds a
 * same-typed distractor (two times, an old and a new price) is got wrong far more often than one
 * whose value is the only one of its kind.
 *
 * <p>If one generation is wrong with probability {@code e} and a wrong one names the same wrong
 * value as another wrong one (the worst case: a single distractor in the text), two generations
 * disagree with probability {@code d = 2e(1-e)}; so {@code e = (1 - sqrt(1 - 2d)) / 2}. A step stated
 * by the first generation and agreed by {@code n} more is wrong only if all {@code n + 1} were: at
 * most {@code e^(n+1)}. The engine requires the smallest {@code n} within the settings' bounds with
 * {@code e^(n+1) <= errorTarget}, for the slot's estimate. The pack's disagreement rate starts from
 * a prior of {@value #PRIOR_DISAGREEMENTS} disagreement in {@value #PRIOR_OBSERVATIONS}
 * observations (a model wrong on about 5 % of its answers: two agreements needed until the first
 * observations come in). A slot's rate starts from a prior worth {@value #SLOT_PRIOR_WEIGHT}
 * observations at the rate of the riskiest slot of the pack seen at least {@value
 * #WELL_OBSERVED} times (or the pack's rate, whichever is higher): a slot the engine knows little
 * about is assumed as hard as the hardest it knows, until its own agreements show otherwise.
 * Thread-safe.
 */
final class ModelReliability {

  static final double PRIOR_DISAGREEMENTS = 1;
  static final double PRIOR_OBSERVATIONS = 10;
  static final double SLOT_PRIOR_WEIGHT = 10;
  static final long WELL_OBSERVED = 10;

  private final TrustSettings settings;
  private final Map<String, long[]> counts = new ConcurrentHashMap<>();
  /** Per pack: the highest disagreement rate of a slot observed at least {@link #WELL_OBSERVED} times. */
  private final Map<String, Double> riskiestSlot = new ConcurrentHashMap<>();

  ModelReliability(TrustSettings settings) {
    this.settings = settings;
  }

  /** Two generations of step slot {@code slot} of pack {@code packKey} were compared. */
  void observe(String packKey, String slot, boolean agreed) {
    add(packKey, agreed);
    long[] c = add(slotKey(packKey, slot), agreed);
    if (c[0] >= WELL_OBSERVED) {
      riskiestSlot.merge(packKey, (double) c[1] / c[0], Math::max);
    }
  }

  /** The estimated probability that one generation of pack {@code packKey} gets a step wrong. */
  double errorRate(String packKey) {
    return errorOf(packDisagreement(packKey));
  }

  /** The estimated probability that one generation gets slot {@code slot} wrong. */
  double errorRate(String packKey, String slot) {
    double prior = Math.max(packDisagreement(packKey), riskiestSlot.getOrDefault(packKey, 0.0));
    long[] c = read(slotKey(packKey, slot));
    return errorOf((c[1] + SLOT_PRIOR_WEIGHT * prior) / (c[0] + SLOT_PRIOR_WEIGHT));
  }

  /** Agreements a provisional step of slot {@code slot} of pack {@code packKey} needs now. */
  int confirmationsNeeded(String packKey, String slot) {
    double e = errorRate(packKey, slot);
    int n = settings.confirmations();
    while (n < settings.maxConfirmations() && Math.pow(e, n + 1) > settings.errorTarget()) {
      n++;
    }
    return n;
  }

  private double packDisagreement(String packKey) {
    long[] c = read(packKey);
    return (c[1] + PRIOR_DISAGREEMENTS) / (c[0] + PRIOR_OBSERVATIONS);
  }

  private static double errorOf(double disagreement) {
    double d = Math.min(0.5, disagreement);
    return (1 - Math.sqrt(1 - 2 * d)) / 2;
  }

  /** Counts one observation of {@code key}; returns its counts after it. */
  private long[] add(String key, boolean agreed) {
    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
    synchronized (c) {
      c[0]++;
      if (!agreed) {
        c[1]++;
      }
      return new long[] {c[0], c[1]};
    }
  }

  /** {observations, disagreements} of {@code key}, zero when never observed. */
  private long[] read(String key) {
    long[] c = counts.get(key);
    if (c == null) {
      return new long[2];
    }
    synchronized (c) {
      return new long[] {c[0], c[1]};
    }
  }

  private static String slotKey(String packKey, String slot) {
    return packKey + '\u0000' + slot;
  }
}
