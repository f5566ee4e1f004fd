package io.stepcache.bench.system;

import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.engine.backend.Generation;

/** Every request goes to the model with the pack's full prompt; the raw output is served. */
public final class NoCacheSystem implements BenchSystem {

  private final PlainModel model;

  public NoCacheSystem(PlainModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return "no-cache";
  }

  @Override
  public Served serve(BenchRequest request) {
    double before = model.virtualMs();
    Generation g = model.call(request);
    return new Served(g.text(), null, "MISS", false, g.promptTokens(), g.completionTokens(), 1, null, null,
        model.virtualMs() - before, null);
  }
}
