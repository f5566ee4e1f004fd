package io.stepcache.engine.internal;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackInfo;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.similarity.NeighbourIndex;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.time.Clock;
import io.stepcache.spi.Signature;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pipeline of STEPCACHE.md section 2. Every request ends on exactly one {@link RequestPath}:
 *
 * <ol>
 *   <li>route to a pack (named or detected) and analyse the request into a signature;
 *   <li>retrieve the neighbour: the entry with the same (tenant, pack key, structure key), else the
 *       most similar structure key of the same tenant and pack; none: MISS;
 *   <li>guard: the pack's rules may call the change semantic: SKIP;
 *   <li>rebind the neighbour's step templates to the new bindings and verify every step: all pass:
 *       REUSE; some fail: PATCH (the pack's repair strategies touch only failing steps);
 *   <li>MISS and SKIP generate in full, verify, and repair what fails;
 *   <li>stitch, check the whole, and store only verified output.
 * </ol>
 */
public final class DefaultStepCacheEngine implements StepCacheEngine {

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
  private static final int MAX_INDEX_PER_SCOPE = 10_000;

  private final PackRegistry registry;
  private final StepStore store;
  private final Backend backend;
  private final Clock clock;
  private final EngineConfig config;
  private final StepVerifier verifier;
  private final Repairer repairer;
  private final NeighbourIndex index = new NeighbourIndex(MAX_INDEX_PER_SCOPE);

  public DefaultStepCacheEngine(
      PackRegistry registry, StepStore store, Backend backend, Clock clock, EngineConfig config) {
    this.registry = registry;
    this.store = store;
    this.backend = backend;
    this.clock = clock;
    this.config = config;
    this.verifier = new StepVerifier(config.maxSteps());
    this.repairer = new Repairer(verifier);
    store.forEach(e -> index.add(e.key().scope(), e.key().structureKey(), e.prompt()));
  }

  @Override
  public CompletionResult complete(CompletionRequest request) {
    long start = clock.nanoTime();
    validate(request);
    TaskRequest taskRequest = new TaskRequest(request.prompt(), request.schemaJson(), request.requiredKeys());
    // held until the request is done: a pack replaced meanwhile is closed only after it is released
    LoadedPack pack =
        request.task() == null ? registry.acquireDetected(taskRequest) : registry.acquire(request.task());
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(pack.classLoader());
    try {
      Signature signature = analyse(pack, taskRequest);
      int maxTokens = request.maxTokens() == null ? config.defaultMaxTokens() : request.maxTokens();
      MeteredModel model = new MeteredModel(backend, request.model(), request.temperature(), maxTokens,
          new GenerationHints(request.tenant(), request.schemaJson()));
      EntryKey key = new EntryKey(request.tenant(), pack.packKey(), signature.structureKey());
      Served served = serve(pack, taskRequest, signature, key, model);
      return served.toResult(pack, model, (clock.nanoTime() - start) / 1e6);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
      pack.release();
    }
  }

  private Served serve(LoadedPack pack, TaskRequest request, Signature signature, EntryKey key, MeteredModel model) {
    Optional<Neighbour> neighbour = findNeighbour(key, request.prompt());
    if (neighbour.isEmpty()) {
      return generate(RequestPath.MISS, null, pack, request, signature, key, model);
    }
    Neighbour n = neighbour.get();
    Signature cached = new Signature(n.entry().key().structureKey(), n.entry().bindings(), n.entry().features());
    List<Finding> skip = verifier.guard(pack, cached, signature);
    if (!skip.isEmpty()) {
      return generate(RequestPath.SKIP, n.similarity(), pack, request, signature, key, model);
    }
    List<Draft> rebound = new ArrayList<>();
    for (String template : n.entry().stepTemplates()) {
      rebound.add(new Draft(pack.rebinder().instantiate(template, signature), StepOrigin.REUSED));
    }
    Verification verification = verifier.verify(pack, request, signature, Repairer.texts(rebound));
    if (verification.passed()) {
      if (!n.entry().key().equals(key)) {
        store(pack, request, signature, key, rebound);
      }
      return new Served(RequestPath.REUSE, n.similarity(), request, signature, rebound, verification);
    }
    Repairer.Outcome repaired = repairer.repair(pack, request, signature, rebound, verification, null, model);
    if (repaired.verification().passed()) {
      store(pack, request, signature, key, repaired.steps());
    }
    return new Served(
        RequestPath.PATCH, n.similarity(), request, signature, repaired.steps(), repaired.verification());
  }

  /** MISS and SKIP: a full generation, verified, repaired where it fails, stored when verified. */
  private Served generate(
      RequestPath path,
      Double similarity,
      LoadedPack pack,
      TaskRequest request,
      Signature signature,
      EntryKey key,
      MeteredModel model) {
    Generation generation = model.generate(pack.prompts().fullPrompt(request));
    List<Draft> steps = new ArrayList<>();
    for (String s : pack.segmenter().segment(generation.text(), request)) {
      steps.add(new Draft(s, StepOrigin.GENERATED));
    }
    Verification verification = verifier.verify(pack, request, signature, Repairer.texts(steps));
    Repairer.Outcome outcome =
        repairer.repair(pack, request, signature, steps, verification, generation.text(), model);
    boolean keepsTruncatedText =
        generation.truncated() && outcome.steps().stream().anyMatch(d -> d.origin() == StepOrigin.GENERATED);
    if (outcome.verification().passed() && !keepsTruncatedText) {
      store(pack, request, signature, key, outcome.steps());
    }
    return new Served(path, similarity, request, signature, outcome.steps(), outcome.verification());
  }

  private Optional<Neighbour> findNeighbour(EntryKey key, String prompt) {
    Optional<CacheEntry> exact = store.get(key);
    if (exact.isPresent()) {
      return Optional.of(new Neighbour(exact.get(), 1.0));
    }
    Optional<NeighbourIndex.Match> match = index.best(key.scope(), key.structureKey(), prompt, config.similarityThreshold());
    if (match.isEmpty()) {
      return Optional.empty();
    }
    EntryKey nearKey = new EntryKey(key.tenant(), key.packKey(), match.get().structureKey());
    Optional<CacheEntry> near = store.get(nearKey);
    if (near.isEmpty()) {
      index.remove(key.scope(), nearKey.structureKey());
      return Optional.empty();
    }
    return Optional.of(new Neighbour(near.get(), match.get().similarity()));
  }

  /** Stores verified steps as templates; a step whose template does not round-trip stays literal. */
  private void store(LoadedPack pack, TaskRequest request, Signature signature, EntryKey key, List<Draft> steps) {
    List<String> templates = new ArrayList<>(steps.size());
    for (Draft d : steps) {
      String template = pack.rebinder().abstractStep(d.text(), signature);
      boolean roundTrips = pack.rebinder().instantiate(template, signature).equals(d.text());
      templates.add(roundTrips ? template : d.text());
    }
    store.put(
        new CacheEntry(
            key, request.prompt(), signature.bindings(), signature.features(), templates, System.currentTimeMillis()));
    index.add(key.scope(), key.structureKey(), request.prompt());
  }

  private Signature analyse(LoadedPack pack, TaskRequest request) {
    try {
      return pack.analyser().analyse(request);
    } catch (TaskInputException e) {
      throw new StepCacheException(ErrorCode.TASK_INPUT_INVALID, e.getMessage(), e);
    }
  }

  private void validate(CompletionRequest r) {
    if (r.prompt().isBlank()) {
      throw new StepCacheException(ErrorCode.PROMPT_EMPTY, "'prompt' must not be empty");
    }
    if (r.prompt().length() > config.maxPromptChars()) {
      throw new StepCacheException(
          ErrorCode.INPUT_TOO_LARGE,
          "'prompt' has " + r.prompt().length() + " characters; the limit is " + config.maxPromptChars());
    }
    if (!TENANT.matcher(r.tenant()).matches()) {
      throw new StepCacheException(
          ErrorCode.INVALID_REQUEST,
          "'tenant' must be 1-128 characters of letters, digits, '.', '_', '@' or '-'");
    }
    if (r.maxTokens() != null && (r.maxTokens() < 1 || r.maxTokens() > config.maxTokensLimit())) {
      throw new StepCacheException(
          ErrorCode.INVALID_REQUEST, "'maxTokens' must be between 1 and " + config.maxTokensLimit());
    }
    if (r.temperature() != null && !(r.temperature() >= 0 && r.temperature() <= 2)) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, "'temperature' must be between 0 and 2");
    }
    if (r.task() != null && r.task().isBlank()) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, "'task' must be a pack id or absent");
    }
  }

  @Override
  public List<PackInfo> packs() {
    return registry.packs().stream().map(LoadedPack::info).toList();
  }

  @Override
  public PackRegistry registry() {
    return registry;
  }

  @Override
  public StepStore store() {
    return store;
  }

  @Override
  public long evictPack(String packKey) {
    long removed = store.removePack(packKey);
    index.removePack(packKey);
    return removed;
  }

  @Override
  public void close() {
    registry.close();
  }

  private record Neighbour(CacheEntry entry, double similarity) {}

  /** The steps a path ended with, before timing and usage are attached. */
  private record Served(
      RequestPath path,
      Double similarity,
      TaskRequest request,
      Signature signature,
      List<Draft> steps,
      Verification verification) {

    CompletionResult toResult(LoadedPack pack, MeteredModel model, double latencyMs) {
      List<String> texts = Repairer.texts(steps);
      List<ServedStep> served = new ArrayList<>(steps.size());
      for (int i = 0; i < steps.size(); i++) {
        served.add(new ServedStep(i, texts.get(i), steps.get(i).origin(), verification.stepPassed(i)));
      }
      return new CompletionResult(
          pack.stitcher().stitch(texts, request),
          pack.stitcher().answerJson(texts, request, signature),
          path,
          pack.id(),
          verification.passed(),
          served,
          similarity,
          model.usage(),
          latencyMs,
          verification.messages());
    }
  }
}
