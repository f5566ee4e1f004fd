package io.stepcache.spi;

import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import io.stepcache.spi.sim.ModelOracle;
import io.stepcache.spi.verify.FactProvider;
import java.util.List;
import java.util.Optional;

/**
 * A task pack whose parts are built from the context, not by mutation: it implements {@link
 * #descriptor()}, {@link #rules()}, {@link #parts(PackContext)} and, as it needs them, {@link
 * #settings()} and {@link #verificationStrength()}, and keeps no state of its own. Since SPI 1.1.
 *
 * <pre>{@code
 * public final class AcmePack implements PartsTaskPack {
 *   public PackDescriptor descriptor() { ... }
 *   public List<RuleResource> rules() { ... }
 *
 *   public PackParts parts(PackContext context) {
 *     int attempts = context.intConfig("repair.maxAttempts", 1);   // throwing rejects the pack
 *     return PackParts.builder()
 *         .detector(new AcmeDetector())
 *         .analyser(new AcmeAnalyser())
 *         .segmenter(new AcmeSegmenter())
 *         .facts(new AcmeFacts())
 *         .repairStrategies(List.of(new AcmeRepair(attempts)))
 *         .prompts(new AcmePrompts())
 *         .stitcher(new AcmeStitcher())
 *         .build();
 *   }
 * }
 * }</pre>
 *
 * <p>The host calls {@link #parts(PackContext)} once and never {@link #start(PackContext)} or the
 * SPI 1.0 accessors ({@link #detector()} ... {@link #oracle()}); this interface implements them so
 * that the pack need not, and they fail when called: ask the parts instead. It is found like any
 * pack, under {@code META-INF/services/io.stepcache.spi.TaskPack}.
 */
public interface PartsTaskPack extends TaskPack {

  /**
   * The pack's parts, built from {@code context} (its settings); asked for once. Throwing rejects
   * the pack: release whatever was acquired before throwing.
   */
  @Override
  PackParts parts(PackContext context);

  /** Not used: a {@code PartsTaskPack} hands its detector over in {@link #parts(PackContext)}. */
  @Override
  default Detector detector() {
    throw notAnAccessor(this, "detector");
  }

  /** Not used, see {@link #detector()}. */
  @Override
  default Analyser analyser() {
    throw notAnAccessor(this, "analyser");
  }

  /** Not used, see {@link #detector()}. */
  @Override
  default Segmenter segmenter() {
    throw notAnAccessor(this, "segmenter");
  }

  /** Not used, see {@link #detector()}. */
  @Override
  default Rebinder rebinder() {
    throw notAnAccessor(this, "rebinder");
  }

  /** Not used, see {@link #detector()}. */
  @Override
  default FactProvider facts() {
    throw notAnAccessor(this, "facts");
  }

  /** Not used, see {@link #detector()}. */
  @Override
  default List<RepairStrategy> repairStrategies() {
    throw notAnAccessor(this, "repairStrategies");
  }

  /** Not used, see {@link #detector()}. */
  @Override
  default PromptBuilder prompts() {
    throw notAnAccessor(this, "prompts");
  }

  /** Not used, see {@link #detector()}. */
  @Override
  default Stitcher stitcher() {
    throw notAnAccessor(this, "stitcher");
  }

  /** Not used, see {@link #detector()}. */
  @Override
  default Optional<ModelOracle> oracle() {
    throw notAnAccessor(this, "oracle");
  }

  private static UnsupportedOperationException notAnAccessor(PartsTaskPack pack, String part) {
    return new UnsupportedOperationException(pack.getClass().getName() + " builds its parts from the context: ask "
        + "parts(PackContext)." + part + "() instead of " + part + "()");
  }
}
