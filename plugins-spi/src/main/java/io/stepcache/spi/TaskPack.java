package io.stepcache.spi;

import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import io.stepcache.spi.sim.ModelOracle;
import io.stepcache.spi.verify.FactProvider;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.spi.verify.VerificationStrength;
import java.util.List;
import java.util.Optional;

/**
 * The entry point of a task pack, found through {@link java.util.ServiceLoader} under {@code
 * META-INF/services/io.stepcache.spi.TaskPack}.
 *
 * <p>Lifecycle: the host instantiates the pack (public no-arg constructor), checks {@link
 * #descriptor()} against {@link SpiVersion#CURRENT}, compiles {@link #rules()}, calls {@link
 * #start(PackContext)} once, then calls the contributions from many threads at once (they must be
 * thread-safe), and finally calls {@link #close()}. Contributions are asked for once, after
 * {@code start}, and kept.
 *
 * <p>Members with a default are optional; new kinds of contribution are added as defaults, so a
 * pack written against 1.0 keeps compiling against every 1.x.
 */
public interface TaskPack {

  /** Id, version and the SPI range the pack accepts. */
  PackDescriptor descriptor();

  /**
   * The settings the pack accepts ({@code stepcache.pack.<id>.<name>}), or empty when it does not
   * say (a pack written against SPI 1.0: it is given whatever is configured). A pack that declares
   * them is rejected when a configured setting is not among them or has the wrong type, so a typo
   * fails the deployment with a message instead of being ignored; declared defaults fill in what is
   * not configured. Since SPI 1.1.
   */
  default Optional<List<PackSetting>> settings() {
    return Optional.empty();
  }

  /** Called once before any contribution is used. Throwing here rejects the pack. */
  default void start(PackContext context) {}

  /** Claims prompts when the client names no task. */
  Detector detector();

  /** Request to structure key + bindings. */
  Analyser analyser();

  /** Answer text to ordered steps. */
  Segmenter segmenter();

  /** Cached steps to new bindings. Defaults to {@link Rebinder#placeholders()}. */
  default Rebinder rebinder() {
    return Rebinder.placeholders();
  }

  /** Drools rules (DRL) that verify steps, guard reuse and check stitched output. */
  List<RuleResource> rules();

  /**
   * How much the pack's rules prove about a passing step. Defaults to {@link
   * VerificationStrength#GROUNDED}, the safe choice: a pack claims {@link
   * VerificationStrength#CHECKED} only when its rules prove every step right for the request (its
   * steps are then reused without confirmation). Since SPI 1.1.
   */
  default VerificationStrength verificationStrength() {
    return VerificationStrength.GROUNDED;
  }

  /** Turns requests and steps into the facts the rules match on. */
  FactProvider facts();

  /** Repairs failing steps, tried in order until the output verifies. */
  List<RepairStrategy> repairStrategies();

  /** Prompt for a full generation. */
  PromptBuilder prompts();

  /** Stitches steps into the answer text and extracts the final answer. */
  Stitcher stitcher();

  /**
   * A stand-in for a perfect model, used only by the simulated backend in tests and benchmarks.
   * Real deployments never call it.
   */
  default Optional<ModelOracle> oracle() {
    return Optional.empty();
  }

  /** Releases what {@link #start} acquired. */
  default void close() {}
}
