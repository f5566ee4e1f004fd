package io.stepcache.packs.math;

import io.stepcache.packs.math.prompt.MathOracle;
import io.stepcache.packs.math.prompt.MathPromptBuilder;
import io.stepcache.packs.math.rebind.ExpressionRebinder;
import io.stepcache.packs.math.repair.ContinuationRepair;
import io.stepcache.packs.math.steps.MathSegmenter;
import io.stepcache.packs.math.steps.MathStitcher;
import io.stepcache.packs.math.verify.MathFactProvider;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.PackSetting;
import io.stepcache.spi.PartsTaskPack;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.spi.verify.VerificationStrength;
import java.util.List;
import java.util.Optional;

/**
 * The {@code math-linear} pack. Setting: {@code repair.maxAttempts} (default {@value
 * #DEFAULT_MAX_ATTEMPTS}), the continuation calls to the model allowed per repair before the solver
 * writes the rest (0: the solver alone); see {@link ContinuationRepair}. Stateless: the parts are
 * built from the setting in {@link #parts}.
 */
public final class MathTaskPack implements PartsTaskPack {

  /** Pack id, also the {@code task} name clients use. */
  public static final String ID = "math-linear";

  static final int DEFAULT_MAX_ATTEMPTS = 1;

  private static final PackDescriptor DESCRIPTOR = new PackDescriptor(
      ID,
      "1.0.0",
      "Linear equations in one unknown: step-by-step solutions checked arithmetically, repaired by a"
          + " bounded model continuation and a Commons Math solver.",
      "[1.1,2.0)");

  @Override
  public PackDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** One setting: how many model calls a repair may make before the solver takes over. */
  @Override
  public Optional<List<PackSetting>> settings() {
    return Optional.of(List.of(new PackSetting("repair.maxAttempts", PackSetting.Type.INTEGER,
        Integer.toString(DEFAULT_MAX_ATTEMPTS), "model calls per repair (continuation) before the solver; 0 = solver only")));
  }

  /**
   * The parts, with a repair budget of {@code repair.maxAttempts} model calls.
   *
   * @throws IllegalArgumentException when the setting is negative (the pack is rejected)
   */
  @Override
  public PackParts parts(PackContext context) {
    int maxAttempts = context.intConfig("repair.maxAttempts", DEFAULT_MAX_ATTEMPTS);
    if (maxAttempts < 0) {
      throw new IllegalArgumentException(
          "Pack setting 'repair.maxAttempts' must be 0 or more, got " + maxAttempts);
    }
    return PackParts.builder()
        .detector(new MathDetector())
        .analyser(new MathAnalyser())
        .segmenter(new MathSegmenter())
        .rebinder(new ExpressionRebinder())
        .facts(new MathFactProvider())
        .repairStrategies(List.of(new ContinuationRepair(maxAttempts)))
        .prompts(new MathPromptBuilder())
        .stitcher(new MathStitcher())
        .oracle(new MathOracle())
        .build();
  }

  @Override
  public List<RuleResource> rules() {
    return List.of(
        RuleResource.classpath(MathTaskPack.class, "/stepcache/math-linear/steps.drl"),
        RuleResource.classpath(MathTaskPack.class, "/stepcache/math-linear/output.drl"),
        RuleResource.classpath(MathTaskPack.class, "/stepcache/math-linear/guard.drl"));
  }

  /** Checked: every step's arithmetic is re-computed against the new equation, so a passing step is right. */
  @Override
  public VerificationStrength verificationStrength() {
    return VerificationStrength.CHECKED;
  }
}
