package io.stepcache.bootstrap;

import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.engine.pack.PackRegistry;
import java.util.Objects;
import java.util.function.Function;

/** The model StepCache sits in front of. */
public sealed interface BackendChoice {

  /**
   * The simulated model: latencies charged to the setup's clock, answers from the packs' oracles
   * (and the setup's scripted ones), with these errors injected.
   */
  static BackendChoice simulated(SimulationProfile profile, ErrorInjection errors, long seed) {
    return new Simulated(profile, errors, seed);
  }

  /** An OpenAI-compatible server (llama-server, vLLM, OpenAI). */
  static BackendChoice openAi(OpenAiSettings settings) {
    return new OpenAi(settings);
  }

  /** Any other backend, made once the packs are loaded (it may ask their registry for oracles). */
  static BackendChoice custom(Function<PackRegistry, Backend> factory) {
    return new Custom(factory);
  }

  /** @param profile latency model @param errors injected mistakes @param seed of the mistakes */
  record Simulated(SimulationProfile profile, ErrorInjection errors, long seed) implements BackendChoice {
    public Simulated {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(errors, "errors");
    }
  }

  /** @param settings where the server is and how to call it */
  record OpenAi(OpenAiSettings settings) implements BackendChoice {
    public OpenAi {
      Objects.requireNonNull(settings, "settings");
    }
  }

  /** @param factory makes the backend for the loaded packs */
  record Custom(Function<PackRegistry, Backend> factory) implements BackendChoice {
    public Custom {
      Objects.requireNonNull(factory, "factory");
    }
  }
}
