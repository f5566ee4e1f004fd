package io.stepcache.bench.system;

import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.sim.ModelOracle;
import java.util.List;
import java.util.Map;

/**
 * The model as the baselines call it: the engine's {@link SimulatedBackend} (same profile, errors
 * and seed as StepCache's own instance) or a real OpenAI-compatible server, asked with the pack's
 * full prompt, exactly what StepCache sends on a MISS, so every system pays the same for the same
 * call.
 */
public final class PlainModel {

  private static final PackParts MATH = new MathTaskPack().parts(PackContext.of(Map.of()));
  private static final PackParts JSON = new JsonTaskPack().parts(PackContext.of(Map.of()));
  private static final Map<String, PromptBuilder> PROMPTS =
      Map.of(MathTaskPack.ID, MATH.prompts(), JsonTaskPack.ID, JSON.prompts());

  private final CountingBackend backend;
  private final Clock clock;
  private final int maxTokens;

  /** The simulated model of {@code settings}, with the engine's default output limit. */
  public PlainModel(SimulationSettings settings, long seed, Clock clock) {
    this(settings.backend(seed, clock), clock, EngineConfig.defaults().defaultMaxTokens());
  }

  /** Any backend (a real server: use the real clock), with output limit {@code maxTokens}. */
  public PlainModel(Backend backend, Clock clock, int maxTokens) {
    this.clock = clock;
    this.backend = new CountingBackend(backend);
    this.maxTokens = maxTokens;
  }

  /** The oracles of both packs (what the simulated model knows). */
  public static List<ModelOracle> oracles() {
    return List.of(MATH.oracle().orElseThrow(), JSON.oracle().orElseThrow());
  }

  /** The full prompt the pack builds for a request (what a plain call sends). */
  public static String fullPrompt(BenchRequest r) {
    return PROMPTS.get(r.family().task()).fullPrompt(r.toCompletionRequest(null).taskRequest());
  }

  /** One plain call: the full prompt in, the model's raw text out. */
  public Generation call(BenchRequest r) {
    return backend.generate(new GenerationRequest(fullPrompt(r), null, null, maxTokens));
  }

  /** Virtual milliseconds so far (0 on the real clock). */
  public double virtualMs() {
    return clock instanceof VirtualClock ? clock.nanoTime() / 1e6 : 0;
  }

  public long calls() {
    return backend.calls();
  }
}
