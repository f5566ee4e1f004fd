package io.stepcache.bench.system;

import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.engine.time.Clock;
import io.stepcache.spi.sim.ModelOracle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named simulated model: latency profile plus error rates.
 *
 * <p><b>paper</b> is calibrated so that the no-cache system on this workload lands near the paper's
 * no-cache baseline (2.13 s mean latency, 27.5 % wrong answers); see bench/README.md for the numbers
 * it produced. <b>llama-server</b> is the engine's measured default latency with a perfect model.
 * <b>adversarial</b> and <b>adversarial-30</b> add grounded distractors (a JSON value replaced by
 * another same-typed span of the text: the mistakes real models make and grounding rules do not
 * catch) at 0.05 and 0.30 per key line to the paper's latency and other error rates.
 *
 * <p>Every profile but {@code paper} puts a {@link TruthOracle} first when one is given: the
 * simulated model then reads the workload's JSON texts right and the only wrong values are the ones
 * the profile injects. {@code paper} keeps the pack oracles alone, exactly as it was calibrated.
 *
 * @param name profile name
 * @param profile latency model
 * @param errors error rates per step (line)
 */
public record SimulationSettings(String name, SimulationProfile profile, ErrorInjection errors) {

  /**
   * Calibrated to the paper's no-cache baseline on this workload (seeds 42-44): 200 ms to first
   * token, 220 prompt tokens/s, 30 output tokens/s (a CPU-only model somewhat slower than the
   * engine's llama-server default) give about 2.12 s per plain call for the packs' prompts (about
   * 199 prompt + 31 output tokens); per-step error rates in the ratio 50:20:15:10:5 (arithmetic,
   * sign, missing key, malformed JSON, truncation), 0.1355 per step in all, give about 27.5 %
   * wrong answers from the plain model.
   */
  public static SimulationSettings paper() {
    return new SimulationSettings(
        "paper",
        new SimulationProfile(Duration.ofMillis(200), 220, 30),
        new ErrorInjection(0.067, 0.0275, 0.02, 0.014, 0.007, Integer.MAX_VALUE));
  }

  /** The engine's default latency (llama-server, Qwen2.5-0.5B-shaped, 2 cores) and a perfect model. */
  public static SimulationSettings llamaServer() {
    return new SimulationSettings("llama-server", SimulationProfile.llamaServerDefaults(), ErrorInjection.none());
  }

  /** The paper profile's latency with a perfect model (sanity runs: every system must be 100 % correct). */
  public static SimulationSettings perfect() {
    return new SimulationSettings("perfect", paper().profile(), ErrorInjection.none());
  }

  /** The paper profile plus grounded distractors at 0.05 per JSON key line. */
  public static SimulationSettings adversarial() {
    return adversarial("adversarial", 0.05);
  }

  /** The paper profile plus grounded distractors at 0.30 per JSON key line (a model that often picks the twin). */
  public static SimulationSettings adversarial30() {
    return adversarial("adversarial-30", 0.30);
  }

  private static SimulationSettings adversarial(String name, double distractors) {
    SimulationSettings paper = paper();
    return new SimulationSettings(name, paper.profile(), paper.errors().withGroundedDistractor(distractors));
  }

  /** The profile names {@link #named} knows, for help texts. */
  public static final String NAMES = "paper, adversarial, adversarial-30, llama-server, perfect";

  /** A profile by name: one of {@link #NAMES}. */
  public static SimulationSettings named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "paper" -> paper();
      case "adversarial" -> adversarial();
      case "adversarial-30" -> adversarial30();
      case "llama-server", "llama" -> llamaServer();
      case "perfect" -> perfect();
      default -> throw new IllegalArgumentException("unknown profile '" + name + "'; use " + NAMES);
    };
  }

  /** False for {@code paper} only: that profile answers with the pack oracles alone, as calibrated. */
  public boolean usesTruthOracle() {
    return !name.equals("paper");
  }

  /** A new simulated backend with these settings and the pack oracles. */
  public SimulatedBackend backend(long seed, Clock clock) {
    return backend(seed, clock, null);
  }

  /**
   * A new simulated backend with these settings; {@code truth} (may be {@code null}) answers first
   * unless this is the {@code paper} profile.
   */
  public SimulatedBackend backend(long seed, Clock clock, ModelOracle truth) {
    return new SimulatedBackend(profile, errors, seed, clock, () -> oracles(truth, PlainModel.oracles()));
  }

  /** {@code packs}, behind {@code truth} when there is one and the profile uses it. */
  public List<ModelOracle> oracles(ModelOracle truth, List<ModelOracle> packs) {
    if (truth == null || !usesTruthOracle()) {
      return packs;
    }
    List<ModelOracle> all = new ArrayList<>(packs.size() + 1);
    all.add(truth);
    all.addAll(packs);
    return all;
  }

  /** The same model as MicroProfile Config properties of the liberty module (for HTTP runs). */
  public Map<String, String> serverProperties(long seed) {
    Map<String, String> p = new TreeMap<>();
    p.put("stepcache.backend", "simulated");
    p.put("stepcache.backend.sim.seed", Long.toString(seed));
    p.put("stepcache.backend.sim.timeToFirstToken", profile.timeToFirstToken().toString());
    p.put("stepcache.backend.sim.prefillTokensPerSecond", num(profile.prefillTokensPerSecond()));
    p.put("stepcache.backend.sim.decodeTokensPerSecond", num(profile.decodeTokensPerSecond()));
    p.put("stepcache.backend.sim.error.wrongArithmetic", num(errors.wrongArithmetic()));
    p.put("stepcache.backend.sim.error.wrongSign", num(errors.wrongSign()));
    p.put("stepcache.backend.sim.error.missingJsonKey", num(errors.missingJsonKey()));
    p.put("stepcache.backend.sim.error.malformedJson", num(errors.malformedJson()));
    p.put("stepcache.backend.sim.error.truncated", num(errors.truncated()));
    p.put("stepcache.backend.sim.error.groundedDistractor", num(errors.groundedDistractor()));
    return p;
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** One line for logs and the summary. */
  public String describe() {
    return String.format(Locale.ROOT,
        "%s: ttft %d ms, prefill %.0f tok/s, decode %.0f tok/s; errors per step: arithmetic %.3f, sign %.3f,"
            + " missing key %.3f, malformed %.3f, truncated %.3f, grounded distractor %.3f%s",
        name, profile.timeToFirstToken().toMillis(), profile.prefillTokensPerSecond(), profile.decodeTokensPerSecond(),
        errors.wrongArithmetic(), errors.wrongSign(), errors.missingJsonKey(), errors.malformedJson(), errors.truncated(),
        errors.groundedDistractor(), usesTruthOracle() ? "; JSON answers from the workload's truth" : "");
  }
}
