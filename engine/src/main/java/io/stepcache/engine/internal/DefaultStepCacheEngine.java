package io.stepcache.engine.internal;

import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.CheckpointUse;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.ModelKeys;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.StepSink;
import io.stepcache.engine.TrustLevel;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.ContextClassLoader;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackInfo;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.similarity.NeighbourIndex;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.store.StepTrust;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.trust.TrustSettings;
import io.stepcache.engine.trust.TrustStats;
import io.stepcache.engine.trust.TrustWorker;
import io.stepcache.spi.Signature;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Verification;
import io.stepcache.spi.verify.VerificationStrength;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The pipeline of docs/architecture.md, "The request pipeline". Every request ends on exactly one {@link RequestPath}:
 *
 * <ol>
 *   <li>route to a pack (named or detected) and analyse the request into a signature;
 *   <li>retrieve candidates: the variants stored under the same (tenant, pack key, structure key),
 *       then the most similar structure keys of the same tenant and pack, at most {@link
 *       EngineConfig#maxCandidates()}; none: MISS;
 *   <li>for each candidate, best first: the pack's guard rules may call the change semantic (the
 *       candidate is passed over); otherwise rebind its step templates to the new bindings and
 *       verify every step; the first candidate whose steps all pass is served: REUSE;
 *   <li>no candidate passed the guard: SKIP; otherwise the least severe candidate ({@link
 *       Verification#SEVERITY}: fewest failing steps, then fewest findings; the first of equals) is
 *       patched: PATCH (the pack's repair strategies touch only failing steps);
 *   <li>MISS and SKIP generate in full, verify, and repair what fails;
 *   <li>stitch, check the whole, and store only verified output.
 * </ol>
 *
 * <p><b>Earned trust</b> (README "Trust"). A pack whose rules only show steps plausible
 * ({@link VerificationStrength#GROUNDED}) has its new steps stored <em>provisional</em>: served for
 * the request that produced them, never reused until confirmed. A cached step that is not
 * confirmed fails a candidate's verification with {@code STEP_NOT_CONFIRMED} (unless the rules
 * promote it for the new request), so a PATCH asks the model for it; when that fresh step equals
 * the provisional one the two independent generations agree (a vote), when it differs the cached
 * fact is demoted in every variant. New provisional steps are queued for confirmation (unless
 * confirmation is {@link TrustSettings.Confirm#ON_DEMAND}), and a sampled share of REUSEs for an
 * audit, on the {@link TrustWorker} (off the request path).
 */
public final class DefaultStepCacheEngine implements StepCacheEngine {

  private static final int MAX_INDEX_PER_SCOPE = 10_000;
  private static final long AUDIT_SEED = 0x5EED_A0D1L;

  private final PackRegistry registry;
  private final StepStore store;
  private final Backend backend;
  private final Clock clock;
  private final EngineConfig config;
  private final StepVerifier verifier;
  private final Repairer repairer;
  private final NeighbourIndex index = new NeighbourIndex(MAX_INDEX_PER_SCOPE);
  private final StepCheckpoints checkpoints;
  private final TrustCounters trustCounters = new TrustCounters();
  private final TrustLedger ledger;
  private final TrustJobs trustJobs;
  private final TrustWorker trustWorker;
  private final StepTrustAssignment trustAssignment;
  private final EntryWriter writer;
  private final SplittableRandom auditDraws = new SplittableRandom(AUDIT_SEED);

  public DefaultStepCacheEngine(
      PackRegistry registry, StepStore store, Backend backend, Clock clock, EngineConfig config, TrustWorker trustWorker) {
    this.registry = registry;
    this.store = store;
    this.backend = backend;
    this.clock = clock;
    this.config = config;
    this.verifier = new StepVerifier(config.maxSteps());
    this.repairer = new Repairer(verifier);
    this.checkpoints = new StepCheckpoints(config.checkpoints());
    this.trustWorker = trustWorker;
    this.ledger = new TrustLedger(store, index, new ModelReliability(config.trust()), trustCounters);
    this.trustAssignment = new StepTrustAssignment(ledger, trustCounters);
    this.trustJobs =
        new TrustJobs(registry, backend, store, verifier, ledger, trustCounters, config.trust(), trustWorker);
    this.writer = new EntryWriter(store, index, checkpoints, ledger, trustJobs, config);
    store.forEach(e -> index.add(e.key().scope(), e.key().structureKey(), e.prompt()));
  }

  @Override
  public CompletionResult complete(CompletionRequest request) {
    return answer(request, null);
  }

  @Override
  public CompletionResult stream(CompletionRequest request, StepSink sink) {
    return answer(request, Objects.requireNonNull(sink, "sink"));
  }

  private CompletionResult answer(CompletionRequest request, StepSink sink) {
    long start = clock.nanoTime();
    validate(request);
    TaskRequest taskRequest = request.taskRequest();
    // held until the request is done: a pack replaced meanwhile is closed only after it is released
    LoadedPack pack =
        request.task() == null ? registry.acquireDetected(taskRequest) : registry.acquire(request.task());
    try (ContextClassLoader ignored = ContextClassLoader.use(pack.classLoader())) {
      Signature signature = analyse(pack, taskRequest);
      // the whole answer is generated (so it can be verified and cached); a smaller maxTokens cuts what is served
      int maxTokens = Math.max(config.defaultMaxTokens(), request.maxTokens() == null ? 0 : request.maxTokens());
      MeteredModel model = new MeteredModel(backend, request.model(), request.temperature(), maxTokens,
          new GenerationHints(request.tenant(), request.schemaJson(), request.conversation()), clock);
      StepVerifier.startTiming();
      String partition = config.modelKeys().partition(request.model(), request.conversation());
      EntryKey key = new EntryKey(request.tenant(), pack.packKey(), partition, signature.structureKey());
      Emitter emitter = new Emitter(sink, pack, taskRequest, request.maxTokens());
      Served served = serve(pack, taskRequest, signature, key, model,
          new TrustJobs.CallParams(request.model(), request.tenant(), request.conversation(), request.cache()),
          emitter);
      emitter.finish(served);
      CompletionResult result =
          served.toResult(pack, model, (clock.nanoTime() - start) / 1e6, request.maxTokens());
      if (!result.verified() && !config.serveUnverified()) {
        throw new StepCacheException(ErrorCode.ANSWER_UNVERIFIED, "The answer (" + result.path() + ", pack "
            + result.task() + ") failed verification and this server refuses unverified answers "
            + "(setting stepcache.serveUnverified): " + String.join("; ", result.findings()));
      }
      return result;
    } finally {
      pack.release();
    }
  }

  private Served serve(LoadedPack pack, TaskRequest request, Signature signature, EntryKey key, MeteredModel model,
      TrustJobs.CallParams params, Emitter emitter) {
    boolean grounded = StepTrustAssignment.grounded(pack);
    Double bestSimilarity = null;
    Attempt closest = null;
    // entries are read one at a time: a REUSE from the first candidate reads no other entry
    List<NeighbourIndex.Match> candidates = params.cache().lookup()
        ? index.candidates(key.scope(), key.structureKey(), request.prompt(), config.similarityThreshold(),
            config.maxCandidates())
        : List.of();
    for (NeighbourIndex.Match m : candidates) {
      Optional<CacheEntry> live = liveEntry(key, m, params.cache());
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
      Verification rules = verifier.verify(pack, request, signature, Repairer.texts(rebound));
      Set<String> unconfirmed = grounded ? StepTrustAssignment.unconfirmed(entry, rebound) : Set.of();
      // a step that passed the rules but is not confirmed (nor promoted now) fails: it is asked for again
      Verification verification = Repairer.notConfirmed(rebound, rules, unconfirmed);
      if (verification.passed()) {
        List<StepTrust> trust = StepTrustAssignment.reused(pack, entry, rules);
        EntryKey stored = null;
        if (entry.key().baseStructureKey().equals(key.structureKey())) {
          index.add(key.scope(), entry.key().structureKey(), entry.prompt()); // marks the variant as used
        } else {
          stored = writer.store(pack, request, signature, key, rebound, trust, params);
        }
        if (grounded && auditDue()) {
          trustJobs.auditLater(pack, request, signature, entry.key(), Repairer.texts(rebound), trust, params);
        }
        return new Served(RequestPath.REUSE, n.similarity(), request, signature, rebound, verification, trust, grounded)
            .entries(entry.key(), stored);
      }
      Attempt attempt = new Attempt(n, rebound, rules, verification, unconfirmed);
      if (closest == null || closest.verification().worseThan(attempt.verification())) {
        closest = attempt;
      }
    }
    if (bestSimilarity == null) {
      return generate(RequestPath.MISS, null, pack, request, signature, key, model, params, emitter);
    }
    if (closest == null) {
      return generate(RequestPath.SKIP, bestSimilarity, pack, request, signature, key, model, params, emitter);
    }
    CheckpointUse checkpoint = resumeFromCheckpoint(pack, closest, model);
    emitter.start(RequestPath.PATCH, closest.neighbour().similarity(), closest.neighbour().entry().key());
    List<String> rebound = Repairer.texts(closest.steps());
    int firstFailing = closest.verification().failingSteps().stream().mapToInt(Integer::intValue).min()
        .orElse(rebound.size());
    for (int i = 0; i < firstFailing && emitter.active(); i++) {
      // a cached step that passed (confirmed or determined by the rules) is sent before the repair
      emitter.send(rebound.get(i), StepOrigin.REUSED, grounded ? TrustLevel.CONFIRMED : TrustLevel.CHECKED);
    }
    Repairer.Outcome repaired = emitter.keepSent(
        repairer.repair(pack, request, signature, closest.steps(), closest.verification(), null, model,
            closest.unconfirmed()), verifier, signature);
    model.resumeFrom(List.of());
    List<StepTrust> trust = trustAssignment.patched(
        pack, closest.neighbour().entry(), Repairer.texts(closest.steps()), closest.rules(), repaired);
    EntryKey stored = repaired.verification().passed()
        ? writer.store(pack, request, signature, key, repaired.steps(), trust, params)
        : null;
    return new Served(RequestPath.PATCH, closest.neighbour().similarity(), request, signature, repaired.steps(),
        repaired.verification(), trust, grounded).with(checkpoint).entries(closest.neighbour().entry().key(), stored);
  }

  private boolean auditDue() {
    double rate = config.trust().auditRate();
    if (rate <= 0) {
      return false;
    }
    synchronized (auditDraws) {
      return auditDraws.nextDouble() < rate;
    }
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

  /**
   * MISS and SKIP: a full generation, verified, repaired where it fails, stored when verified. Streamed, it is
   * verified step by step as it arrives ({@link StepStreamer}) and cancelled at the first step that fails.
   */
  private Served generate(
      RequestPath path,
      Double similarity,
      LoadedPack pack,
      TaskRequest request,
      Signature signature,
      EntryKey key,
      MeteredModel model,
      TrustJobs.CallParams params,
      Emitter emitter) {
    boolean grounded = StepTrustAssignment.grounded(pack);
    String prompt = pack.prompts().fullPrompt(request);
    Generation generation;
    List<String> texts;
    if (emitter.active()) {
      emitter.start(path, similarity, null);
      StepStreamer streamer = new StepStreamer(pack, request, signature, verifier, emitter,
          grounded ? TrustLevel.GROUNDED : TrustLevel.CHECKED);
      generation = model.stream(prompt, streamer);
      if (streamer.abandoned()) {
        throw new StepCacheException(ErrorCode.CLIENT_CLOSED,
            "The client closed the stream; the generation was cancelled after " + generation.completionTokens()
                + " tokens");
      }
      texts = streamer.stepsAtCancel() != null
          ? streamer.stepsAtCancel()
          : pack.segmenter().segment(generation.text(), request);
    } else {
      generation = model.generate(prompt);
      texts = pack.segmenter().segment(generation.text(), request);
    }
    List<Draft> steps = new ArrayList<>();
    for (String s : texts) {
      steps.add(new Draft(s, StepOrigin.GENERATED));
    }
    Verification verification = verifier.verify(pack, request, signature, Repairer.texts(steps));
    Repairer.Outcome outcome = emitter.keepSent(
        repairer.repair(pack, request, signature, steps, verification, generation.text(), model, Set.of()),
        verifier, signature);
    boolean keepsTruncatedText =
        generation.truncated() && outcome.steps().stream().anyMatch(d -> d.origin() == StepOrigin.GENERATED);
    List<StepTrust> trust = StepTrustAssignment.generated(pack, outcome.verification(), outcome.steps().size());
    EntryKey stored = outcome.verification().passed() && !keepsTruncatedText
        ? writer.store(pack, request, signature, key, outcome.steps(), trust, params)
        : null;
    return new Served(path, similarity, request, signature, outcome.steps(), outcome.verification(), trust, grounded)
        .generatedAs(generation.text()).entries(null, stored);
  }

  /**
   * The stored entry of a candidate found by the index; an index entry whose store entry has gone
   * (expired, by the store's time to live or its own) is forgotten. An entry older than the request's {@code
   * max-age} is no candidate for it (but stays for others). Candidates come best first, at most {@link
   * EngineConfig#maxCandidates()}: the variants of the request's own structure key, then the most similar other
   * keys above the threshold.
   */
  private Optional<CacheEntry> liveEntry(EntryKey key, NeighbourIndex.Match match, CacheDirectives cache) {
    EntryKey candidate = key.withStructureKey(match.structureKey());
    Optional<CacheEntry> entry = store.get(candidate);
    long now = System.currentTimeMillis();
    if (entry.isPresent() && entry.get().expired(now)) {
      store.remove(candidate);
      entry = Optional.empty();
    }
    if (entry.isEmpty()) {
      index.remove(key.scope(), match.structureKey());
      return entry;
    }
    // fresh while younger than max-age (RFC 9111: an age equal to the lifetime is stale, so max-age=0 takes none)
    boolean tooOld = cache.maxAge() != null && now - entry.get().createdAtEpochMs() >= cache.maxAge().toMillis();
    return tooOld ? Optional.empty() : entry;
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
    long chars = r.prompt().length() + r.conversation().chars();
    if (chars > config.maxPromptChars()) {
      throw new StepCacheException(ErrorCode.INPUT_TOO_LARGE, (r.conversation().isEmpty()
          ? "'prompt' has " + chars + " characters"
          : "the prompt and the conversation before it have " + chars + " characters")
          + "; the limit is " + config.maxPromptChars());
    }
    if (r.model() != null) {
      String problem = ModelKeys.modelProblem(r.model());
      if (problem != null) {
        throw new StepCacheException(ErrorCode.INVALID_REQUEST, "'model' " + problem);
      }
    }
    CompletionRequest.tenantProblem(r.tenant()).ifPresent(problem -> {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, "'tenant' " + problem);
    });
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
  public StepStore store() {
    return store;
  }

  @Override
  public long evictPack(String packKey) {
    long removed = store.removePack(packKey);
    index.removePack(packKey);
    ledger.forgetPack(packKey);
    return removed;
  }

  @Override
  public List<EntryKey> evict(Predicate<EntryKey> which) {
    List<EntryKey> removed = store.removeMatching(which);
    for (EntryKey k : removed) {
      index.remove(k.scope(), k.structureKey());
    }
    return removed;
  }

  @Override
  public TrustStats trustStats() {
    return trustCounters.snapshot();
  }

  @Override
  public void close() {
    trustWorker.close();
    registry.close();
  }

  private record Neighbour(CacheEntry entry, double similarity) {}

  /**
   * A candidate's rebound steps that did not all verify: {@code rules} is what the pack's rules
   * said, {@code verification} adds the steps not reusable for lack of confirmation.
   */
  private record Attempt(
      Neighbour neighbour, List<Draft> steps, Verification rules, Verification verification, Set<String> unconfirmed) {}
}
