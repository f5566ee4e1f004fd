package io.stepcache.engine.internal;

import io.stepcache.engine.Usage;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.TextSink;
import io.stepcache.engine.time.Clock;
import io.stepcache.spi.repair.ModelCall;
import java.util.List;

/**
 * The backend as one request (or one confirmation or audit job) uses it: every call goes through
 * here so its usage and call count are known. One instance per request; not thread-safe.
 */
final class MeteredModel implements ModelCall {

  private final Backend backend;
  private final String model;
  private final Double temperature;
  private final int maxTokens;
  private GenerationHints hints;
  private final Clock clock;
  private Usage usage = Usage.NONE;
  private int calls;
  private long nanos;

  /** @param hints passed with every call of this request (tenant, response schema) */
  MeteredModel(Backend backend, String model, Double temperature, int maxTokens, GenerationHints hints, Clock clock) {
    this.clock = clock;
    this.backend = backend;
    this.model = model;
    this.temperature = temperature;
    this.maxTokens = maxTokens;
    this.hints = hints;
  }

  /**
   * Later calls carry {@code steps} as the resumable state of a checkpoint (empty: none); the
   * backend decides whether a prompt can use it.
   */
  void resumeFrom(List<String> steps) {
    hints = hints.withResumableSteps(steps);
  }

  /** Calls the backend and returns the whole generation. */
  Generation generate(String prompt) {
    long t0 = clock.nanoTime();
    Generation g = backend.generate(new GenerationRequest(prompt, model, temperature, maxTokens, hints));
    nanos += clock.nanoTime() - t0;
    calls++;
    usage = usage.plus(new Usage(g.promptTokens(), g.completionTokens()));
    return g;
  }

  /** Calls the backend, streaming the generation to {@code sink} (which may cancel it). */
  Generation stream(String prompt, TextSink sink) {
    long t0 = clock.nanoTime();
    Generation g = backend.stream(new GenerationRequest(prompt, model, temperature, maxTokens, hints), sink);
    nanos += clock.nanoTime() - t0; // includes the sink's own work on the streamed steps
    calls++;
    usage = usage.plus(new Usage(g.promptTokens(), g.completionTokens()));
    return g;
  }

  @Override
  public String complete(String prompt) {
    return generate(prompt).text();
  }

  Usage usage() {
    return usage;
  }

  int calls() {
    return calls;
  }

  /** Time in model calls, on the engine's clock. */
  long nanos() {
    return nanos;
  }
}
