package io.stepcache.bench.workload;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of one seed, in the order they are sent.
 *
 * @param seed the generator seed
 * @param requests the requests
 */
public record Workload(long seed, List<BenchRequest> requests) {

  public Workload {
    requests = List.copyOf(requests);
  }

  /** The first {@code n} requests (all when {@code n} is not smaller). */
  public Workload limit(int n) {
    return n >= requests.size() ? this : new Workload(seed, requests.subList(0, n));
  }

  /** How many requests of each perturbation kind. */
  public Map<Perturbation, Integer> perturbationMix() {
    Map<Perturbation, Integer> mix = new EnumMap<>(Perturbation.class);
    for (BenchRequest r : requests) {
      mix.merge(r.perturbation(), 1, Integer::sum);
    }
    return mix;
  }

  /** How many requests of each family. */
  public Map<Family, Integer> familyMix() {
    Map<Family, Integer> mix = new EnumMap<>(Family.class);
    for (BenchRequest r : requests) {
      mix.merge(r.family(), 1, Integer::sum);
    }
    return mix;
  }

  public int size() {
    return requests.size();
  }
}
