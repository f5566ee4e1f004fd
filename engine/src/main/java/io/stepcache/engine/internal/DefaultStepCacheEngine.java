package io.stepcache.engine.internal;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CheckpointUse;
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
 *   <li>retrieve candidates: the variants stored under the same (tenant, pack key, structure key),
 *       then the most similar structure keys of the same tenant and pack, at most {@link
 *       EngineConfig#maxCandidates()}; none: MISS;
 *   <li>for each candidate, best first: the pack's guard rules may call the change semantic (the
 *       candidate is passed over); otherwise rebind its step templates to the new bindings and
 *       verify every step; the first candidate whose steps all pass is served: REUSE;
 *   <li>no candidate passed the guard: SKIP; otherwise the candidate with the fewest failing steps
 *       is patched: PATCH (the pack's repair strategies touch only failing steps);
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
  private final StepCheckpoints checkpoints;

  public DefaultStepCacheEngine(
      PackRegistry registry, StepStore store, Backend backend, Clock clock, EngineConfig config) {
    this.registry = registry;
    this.store = store;
    this.backend = backend;
    this.clock = clock;
    this.config = config;
    this.verifier = new StepVerifier(config.maxSteps());
    this.repairer = new Repairer(verifier);
    this.checkpoints = new StepCheckpoints(config.checkpoints());
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
    Double bestSimilarity = null;
    Attempt closest = null;
    // entries are read one at a time: a REUSE from the first candidate reads no other entry
    for (NeighbourIndex.Match m : index.candidates(
        key.scope(), key.structureKey(), request.prompt(), config.similarityThreshold(), config.maxCandidates())) {
      Optional<CacheEntry> live = liveEntry(key, m);
      if (live.isEmpty()) {
        continue;
      }
      Neighbour n = new Neighbour(live.get(), m.similarity());
      bestSimilarity = bestSimilarity == null ? n.similarity() : bestSimilarity;
      CacheEntry entry = n.entry();
      Signature cached = new Signature(entry.key().baseStructureKey(), entry.bindings(), entry.features());
      if (!verifier.guard(pack, cached, signature).isEmpty()) {
        continue;
      }
      List<Draft> rebound = new ArrayList<>();
      for (String template : entry.stepTemplates()) {
        rebound.add(new Draft(pack.rebinder().instantiate(template, signature), StepOrigin.REUSED));
      }
      Verification verification = verifier.verify(pack, request, signature, Repairer.texts(rebound));
      if (verification.passed()) {
        if (entry.key().baseStructureKey().equals(key.structureKey())) {
          index.add(key.scope(), entry.key().structureKey(), entry.prompt()); // marks the variant as used
        } else {
          store(pack, request, signature, key, rebound);
        }
        return new Served(RequestPath.REUSE, n.similarity(), request, signature, rebound, verification);
      }
      Attempt attempt = new Attempt(n, rebound, verification);
      if (closest == null || attempt.failures() < closest.failures()) {
        closest = attempt;
      }
    }
    if (bestSimilarity == null) {
      return generate(RequestPath.MISS, null, pack, request, signature, key, model);
    }
    if (closest == null) {
      return generate(RequestPath.SKIP, bestSimilarity, pack, request, signature, key, model);
    }
    CheckpointUse checkpoint = resumeFromCheckpoint(pack, closest, model);
    Repairer.Outcome repaired =
        repairer.repair(pack, request, signature, closest.steps(), closest.verification(), null, model);
    model.resumeFrom(List.of());
    if (repaired.verification().passed()) {
      store(pack, request, signature, key, repaired.steps());
    }
    return new Served(RequestPath.PATCH, closest.neighbour().similarity(), request, signature, repaired.steps(),
        repaired.verification()).with(checkpoint);
  }

  /**
   * The PATCH's overlap depth: the leading steps before the first failing one that are also the
   * cached answer's own text (only those are a prefix a server can have state for). Records the
   * depth for the pack, and lets the repair's model calls resume from the entry's deepest
   * checkpoint within it.
   */
  private CheckpointUse resumeFromCheckpoint(LoadedPack pack, Attempt attempt, MeteredModel model) {
    CacheEntry entry = attempt.neighbour().entry();
    Signature cached = new Signature(entry.key().baseStructureKey(), entry.bindings(), entry.features());
    List<String> rebound = Repairer.texts(attempt.steps());
    Verification v = attempt.verification();
    int firstFailing = v.failingSteps().stream().mapToInt(Integer::intValue).min().orElse(rebound.size());
    int shared = 0;
    while (shared < Math.min(firstFailing, entry.stepTemplates().size())
        && rebound.get(shared).equals(pack.rebinder().instantiate(entry.stepTemplates().get(shared), cached))) {
      shared++;
    }
    int depthTokens = StepCheckpoints.tokens(rebound, shared);
    if (depthTokens > 0) {
      checkpoints.observe(pack.packKey(), depthTokens);
    }
    int resumeSteps = entry.deepestCheckpoint(shared);
    model.resumeFrom(rebound.subList(0, resumeSteps));
    return new CheckpointUse(shared, depthTokens, resumeSteps, StepCheckpoints.tokens(rebound, resumeSteps));
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

  /**
   * The stored entry of a candidate found by the index; an index entry whose store entry has gone
   * (expired) is forgotten. Candidates come best first, at most {@link EngineConfig#maxCandidates()}:
   * the variants of the request's own structure key, then the most similar other keys above the
   * threshold.
   */
  private Optional<CacheEntry> liveEntry(EntryKey key, NeighbourIndex.Match match) {
    Optional<CacheEntry> entry = store.get(new EntryKey(key.tenant(), key.packKey(), match.structureKey()));
    if (entry.isEmpty()) {
      index.remove(key.scope(), match.structureKey());
    }
    return entry;
  }

  /**
   * Stores verified steps as templates (a step whose template does not round-trip stays literal)
   * under the variant of {@code key} their templates make, and evicts the oldest variants of the
   * structure key beyond {@link EngineConfig#maxVariants()}. Storing an existing variant again only
   * marks it as recently used.
   */
  private void store(LoadedPack pack, TaskRequest request, Signature signature, EntryKey key, List<Draft> steps) {
    List<String> templates = new ArrayList<>(steps.size());
    for (Draft d : steps) {
      String template = pack.rebinder().abstractStep(d.text(), signature);
      boolean roundTrips = pack.rebinder().instantiate(template, signature).equals(d.text());
      templates.add(roundTrips ? template : d.text());
    }
    EntryKey variant = key.variant(Fingerprint.of(templates));
    if (store.get(variant).isEmpty()) {
      List<Integer> resumable = checkpoints.choose(pack.packKey(), Repairer.texts(steps));
      store.put(new CacheEntry(
          variant, request.prompt(), signature.bindings(), signature.features(), templates,
          System.currentTimeMillis(), resumable));
    }
    index.add(key.scope(), variant.structureKey(), request.prompt());
    List<String> variants = index.variants(key.scope(), key.structureKey());
    for (int i = 0; i < variants.size() - config.maxVariants(); i++) {
      store.remove(new EntryKey(key.tenant(), key.packKey(), variants.get(i)));
      index.remove(key.scope(), variants.get(i));
    }
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

  /** A candidate's rebound steps that did not all verify. */
  private record Attempt(Neighbour neighbour, List<Draft> steps, Verification verification) {
    /** Failing steps, plus one when the output as a whole fails. */
    int failures() {
      return verification.failingSteps().size() + (verification.outputFailures().isEmpty() ? 0 : 1);
    }
  }

  /** The steps a path ended with, before timing and usage are attached. */
  private record Served(
      RequestPath path,
      Double similarity,
      TaskRequest request,
      Signature signature,
      List<Draft> steps,
      Verification verification,
      CheckpointUse checkpoint) {

    Served(RequestPath path, Double similarity, TaskRequest request, Signature signature, List<Draft> steps,
        Verification verification) {
      this(path, similarity, request, signature, steps, verification, null);
    }

    Served with(CheckpointUse use) {
      return new Served(path, similarity, request, signature, steps, verification, use);
    }

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
          verification.messages(),
          checkpoint);
    }
  }
}
