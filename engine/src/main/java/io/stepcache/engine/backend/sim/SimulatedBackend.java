package io.stepcache.engine.backend.sim;

import io.stepcache.engine.Conversation;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.TextSink;
import io.stepcache.engine.backend.Tokens;
import io.stepcache.engine.time.Clock;
import io.stepcache.spi.sim.ModelOracle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A deterministic stand-in for a model server.
 *
 * <p>The answer to a prompt is the first pack oracle's answer, damaged by {@link ErrorInjection}
 * with a random stream seeded by (seed, prompt, how often this prompt was asked before), so the
 * same seed and the same sequence of calls always give the same outputs, and a retry of the same
 * prompt can come out differently. Grounded distractors ({@link ErrorInjection#groundedDistractor()})
 * are taken from the prompt's source text: the inside of its last {@code <text>} ... {@code </text>}
 * block, else what follows a line {@code Text:}, else the whole prompt. Prompts no oracle answers get a fixed refusal text. Output is
 * cut at the request's {@code maxTokens} (then reported as truncated). Each call waits the
 * {@link SimulationProfile}'s latency on the given clock.
 *
 * <p>It models a server that keeps resumable state at step boundaries (docs/architecture.md, "Step checkpoints"):
 * when a call's {@link io.stepcache.engine.backend.GenerationHints#resumableSteps()} all occur in
 * the prompt, their tokens are not charged as prefill (they are still counted as prompt tokens).
 */
public final class SimulatedBackend implements Backend {

  /** What the simulated model says to prompts no pack oracle understands. */
  public static final String UNKNOWN_PROMPT_ANSWER = "I am not sure how to answer that.";

  private final SimulationProfile profile;
  private final ErrorInjection errors;
  private final long seed;
  private final Clock clock;
  private final Supplier<List<ModelOracle>> oracles;
  private final Map<String, Integer> timesAsked = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong promptTokens = new AtomicLong();
  private final AtomicLong resumedPromptTokens = new AtomicLong();
  private final AtomicLong completionTokens = new AtomicLong();

  public SimulatedBackend(
      SimulationProfile profile,
      ErrorInjection errors,
      long seed,
      Clock clock,
      Supplier<List<ModelOracle>> oracles) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.seed = seed;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.oracles = Objects.requireNonNull(oracles, "oracles");
  }

  @Override
  public Generation generate(GenerationRequest request) {
    Answer a = answer(request);
    clock.sleep(profile.latency(a.promptTokens() - a.resumed(), a.completionTokens()));
    completionTokens.addAndGet(a.completionTokens());
    return new Generation(a.text(), a.promptTokens(), a.completionTokens(), a.truncated());
  }

  /**
   * Streams the answer a token at a time: time to first token and prefill first, then each token's decode time
   * before it is handed over. A cancelled stream stops there: the tokens not yet generated are not charged.
   */
  @Override
  public Generation stream(GenerationRequest request, TextSink sink) {
    Answer a = answer(request);
    clock.sleep(profile.latency(a.promptTokens() - a.resumed(), 0));
    StringBuilder sent = new StringBuilder();
    long out = 0;
    boolean cancelled = false;
    for (String piece : Tokens.pieces(a.text())) {
      long tokens = Tokens.count(piece);
      clock.sleep(profile.decodeTime(tokens));
      out += tokens;
      sent.append(piece);
      if (!sink.accept(piece)) {
        cancelled = true;
        break;
      }
    }
    completionTokens.addAndGet(out);
    return new Generation(sent.toString(), a.promptTokens(), out, a.truncated() && !cancelled);
  }

  /** One call's answer and its prompt's accounting. */
  private record Answer(String text, long promptTokens, long resumed, long completionTokens, boolean truncated) {}

  private Answer answer(GenerationRequest request) {
    long call = calls.incrementAndGet();
    String prompt = request.prompt();
    int attempt = timesAsked.merge(prompt, 1, Integer::sum);
    SplittableRandom rnd = new SplittableRandom(mix(seed, prompt.hashCode(), attempt));

    String perfect = perfectAnswer(prompt);
    ErrorInjector.Result damaged =
        call <= errors.activeCalls()
            ? ErrorInjector.apply(perfect, errors, rnd, prompt)
            : new ErrorInjector.Result(perfect, false);
    String text = damaged.text();
    boolean truncated = damaged.truncated();
    long outTokens = Tokens.count(text);
    if (outTokens > request.maxTokens()) {
      text = cutToTokens(text, request.maxTokens());
      outTokens = Tokens.count(text);
      truncated = true;
    }
    long inTokens = Tokens.count(prompt);
    for (Conversation.Turn turn : request.hints().conversation().turns()) {
      inTokens += Tokens.count(turn.content()); // the model reads the conversation before the prompt
    }
    promptTokens.addAndGet(inTokens);
    long resumed = resumedTokens(prompt, request.hints().resumableSteps());
    resumedPromptTokens.addAndGet(resumed);
    return new Answer(text, inTokens, resumed, outTokens, truncated);
  }

  /**
   * The prompt tokens a server that resumes from a stored step checkpoint does not prefill: the
   * tokens of the resumable steps when the prompt holds all of them verbatim, in order; else 0.
   * (The checkpoint is modelled as covering those steps only: the rest of the prompt is charged.)
   */
  static long resumedTokens(String prompt, List<String> steps) {
    long tokens = 0;
    int from = 0;
    for (String step : steps) {
      int at = prompt.indexOf(step, from);
      if (at < 0) {
        return 0;
      }
      from = at + step.length();
      tokens += Tokens.count(step);
    }
    return Math.min(tokens, Tokens.count(prompt));
  }

  private String perfectAnswer(String prompt) {
    for (ModelOracle oracle : oracles.get()) {
      Optional<String> answer = oracle.answer(prompt);
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    return UNKNOWN_PROMPT_ANSWER;
  }

  private static String cutToTokens(String text, int maxTokens) {
    int lo = 0;
    int hi = text.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (Tokens.count(text.substring(0, mid)) <= maxTokens) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return text.substring(0, lo);
  }

  private static long mix(long seed, int promptHash, int attempt) {
    long h = seed * 0x9E3779B97F4A7C15L;
    h ^= promptHash * 0xC2B2AE3D27D4EB4FL;
    h ^= attempt * 0x165667B19E3779F9L;
    return h;
  }

  @Override
  public String name() {
    return "simulated";
  }

  /** Calls served so far. */
  public long calls() {
    return calls.get();
  }

  /** Prompt tokens not prefilled because a call resumed from a step checkpoint. */
  public long resumedPromptTokens() {
    return resumedPromptTokens.get();
  }

  /** Prompt tokens counted so far (including tokens resumed from checkpoints). */
  public long promptTokens() {
    return promptTokens.get();
  }

  /** Output tokens counted so far. */
  public long completionTokens() {
    return completionTokens.get();
  }
}
