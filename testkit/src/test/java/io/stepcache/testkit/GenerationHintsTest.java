package io.stepcache.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.packhost.PackLoader;
import io.stepcache.rules.DroolsRuleEngine;
import io.stepcache.testkit.countdown.CountdownPack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every backend call of a request carries the request's tenant and response schema as hints. */
class GenerationHintsTest {

  @Test
  void theEnginePassesTenantAndSchemaToEveryCall() {
    CountdownPack pack = new CountdownPack();
    LoadedPack loaded = new PackLoader(new DroolsRuleEngine(), Map.of()).load(pack, pack.getClass().getClassLoader());
    PackRegistry registry = new PackRegistry();
    registry.register(loaded);
    VirtualClock clock = new VirtualClock();
    SimulatedBackend sim = new SimulatedBackend(SimulationProfile.llamaServerDefaults(), ErrorInjection.none(), 42, clock,
        () -> loaded.pack().oracle().stream().toList());
    List<GenerationRequest> seen = new CopyOnWriteArrayList<>();
    Backend recording = new Backend() {
      @Override
      public Generation generate(GenerationRequest request) {
        seen.add(request);
        return sim.generate(request);
      }

      @Override
      public String name() {
        return "recording";
      }
    };
    try (StepCacheEngine engine = StepCacheEngine.builder().registry(registry).store(new InMemoryStepStore())
        .backend(recording).clock(clock).build()) {
      String schema = "{\"type\":\"object\"}";
      engine.complete(new CompletionRequest("Count down from 3", null, "acme", schema, List.of(), null, null, null));
      engine.complete(CompletionRequest.of("Count down from 5", null));
    }
    assertThat(seen).isNotEmpty();
    assertThat(seen.get(0).hints()).isEqualTo(new GenerationHints("acme", "{\"type\":\"object\"}"));
    assertThat(seen.get(seen.size() - 1).hints()).isEqualTo(new GenerationHints("default", null));
  }
}
