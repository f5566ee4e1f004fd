package io.stepcache.bench.system;

import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.engine.backend.Generation;
import java.util.HashMap;
import java.util.Map;

/**
 * An exact-match response cache (what an HTTP cache or a gateway's "simple" cache does): the key is
 * tenant + task + the exact prompt text + schema + required keys; a hit serves the stored response,
 * a miss calls the model and stores whatever it returned (unverified, as such caches do).
 */
public final class ExactCacheSystem implements BenchSystem {

  private final PlainModel model;
  private final String tenant;
  private final Map<String, String> cache = new HashMap<>();

  public ExactCacheSystem(PlainModel model, String tenant) {
    this.model = model;
    this.tenant = tenant;
  }

  @Override
  public String name() {
    return "exact-cache";
  }

  @Override
  public Served serve(BenchRequest request) {
    String key = String.join("\u0000", tenant, request.family().task(), request.prompt(),
        String.valueOf(request.schemaJson()), String.join("\u0001", request.requiredKeys()));
    String hit = cache.get(key);
    if (hit != null) {
      return new Served(hit, null, "HIT", true, 0, 0, 0, 1.0, null, 0, null);
    }
    double before = model.virtualMs();
    Generation g = model.call(request);
    cache.put(key, g.text());
    return new Served(g.text(), null, "MISS", false, g.promptTokens(), g.completionTokens(), 1, null, null,
        model.virtualMs() - before, null);
  }
}
