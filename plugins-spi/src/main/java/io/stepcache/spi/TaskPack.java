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
 * #descriptor()} against {@link SpiVersion#CURRENT} and its {@link #settings()}, compiles {@link
 * #rules()}, asks {@link #parts(PackContext)} once for the pack's {@link PackParts} and keeps them,
 * then calls the parts from many threads at once (they must be thread-safe), and finally calls
 * {@link #close()} and {@link PackParts#close()}.
 *
 * <p>Two ways to write a pack:
 *
 * <ul>
 *   <li><b>Parts built from the context</b> (SPI 1.1, the way to write a new pack): implement
 *       {@link PartsTaskPack} and return from {@link #parts(PackContext)} the parts built from the
 *       settings, e.g. {@code PackParts.builder().detector(...).analyser(...)...build()}. The pack
 *       keeps no state of its own; throwing rejects the pack. {@link PartsTaskPack} implements the
 *       1.0 accessors below for it (they are not used).
 *   <li><b>Accessors</b> (SPI 1.0): implement {@link #detector()}, {@link #analyser()}, {@link
 *       #segmenter()}, {@link #facts()}, {@link #repairStrategies()}, {@link #prompts()} and
 *       {@link #stitcher()} (and optionally {@link #rebinder()} and {@link #oracle()}), and read
 *       settings in {@link #start(PackContext)}. The default {@link #parts(PackContext)} calls
 *       {@code start} and then asks every accessor once ({@link PackParts#fromAccessors}).
 * </ul>
 *
 * <p>{@link #descriptor()}, {@link #settings()}, {@link #rules()} and {@link
 * #verificationStrength()} stay methods of the pack either way: the host reads them before it
 * builds the parts (a rule that does not compile rejects the pack before any of its code runs).
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

  /**
   * The pack's parts, built from its settings; asked for once, after {@link #rules()} compiled.
   * Throwing here rejects the pack (release what was acquired before throwing). Since SPI 1.1.
   *
   * <p>The default is the SPI 1.0 lifecycle: {@link #start(PackContext)}, then each accessor once
   * ({@link PackParts#fromAccessors}); when an accessor fails, {@link #close()} is called before
   * the failure is passed on.
   */
  default PackParts parts(PackContext context) {
    start(context);
    try {
      return PackParts.fromAccessors(this);
    } catch (RuntimeException | LinkageError e) {
      try {
        close();
      } catch (RuntimeException | LinkageError suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * SPI 1.0: called once before any contribution is used; throwing here rejects the pack. Only the
   * default {@link #parts(PackContext)} calls it: a pack that builds its parts from the context
   * does not need it.
   */
  default void start(PackContext context) {}

  /**
   * Claims prompts when the client names no task. An SPI 1.0 accessor, like the ones below: the
   * default {@link #parts(PackContext)} asks each once; a {@link PartsTaskPack} does not use them.
   */
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

  /** Releases what {@link #start} acquired (a {@link PartsTaskPack} uses {@link PackParts.Builder#onClose}). */
  default void close() {}
}
