package io.stepcache.engine.pack;

import io.stepcache.engine.verify.CompiledRules;
import io.stepcache.spi.Analyser;
import io.stepcache.spi.Detector;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.Rebinder;
import io.stepcache.spi.Stitcher;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import io.stepcache.spi.verify.FactProvider;
import java.util.List;
import java.util.Objects;

/**
 * A started pack with its contributions resolved once and its rules compiled. Immutable.
 *
 * <p>{@link #packKey()} ({@code id@version#rulesHash-prefix}) is part of every cache key, so a new
 * version or new rules never see the old entries.
 */
public final class LoadedPack {

  private final TaskPack pack;
  private final PackDescriptor descriptor;
  private final CompiledRules rules;
  private final ClassLoader classLoader;
  private final Detector detector;
  private final Analyser analyser;
  private final Segmenter segmenter;
  private final Rebinder rebinder;
  private final FactProvider facts;
  private final List<RepairStrategy> repairStrategies;
  private final PromptBuilder prompts;
  private final Stitcher stitcher;
  private final String packKey;

  LoadedPack(TaskPack pack, CompiledRules rules, ClassLoader classLoader) {
    this.pack = Objects.requireNonNull(pack, "pack");
    this.descriptor = Objects.requireNonNull(pack.descriptor(), "descriptor");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.classLoader = classLoader;
    this.detector = required(pack.detector(), "detector");
    this.analyser = required(pack.analyser(), "analyser");
    this.segmenter = required(pack.segmenter(), "segmenter");
    this.rebinder = required(pack.rebinder(), "rebinder");
    this.facts = required(pack.facts(), "facts");
    this.repairStrategies = List.copyOf(required(pack.repairStrategies(), "repairStrategies"));
    this.prompts = required(pack.prompts(), "prompts");
    this.stitcher = required(pack.stitcher(), "stitcher");
    this.packKey =
        descriptor.id() + "@" + descriptor.version() + "#" + rules.rulesHash().substring(0, 16);
  }

  private <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalStateException(
          "Pack " + pack.getClass().getName() + " returned null for " + what + "()");
    }
    return value;
  }

  public TaskPack pack() {
    return pack;
  }

  public PackDescriptor descriptor() {
    return descriptor;
  }

  public String id() {
    return descriptor.id();
  }

  public CompiledRules rules() {
    return rules;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  public Detector detector() {
    return detector;
  }

  public Analyser analyser() {
    return analyser;
  }

  public Segmenter segmenter() {
    return segmenter;
  }

  public Rebinder rebinder() {
    return rebinder;
  }

  public FactProvider facts() {
    return facts;
  }

  public List<RepairStrategy> repairStrategies() {
    return repairStrategies;
  }

  public PromptBuilder prompts() {
    return prompts;
  }

  public Stitcher stitcher() {
    return stitcher;
  }

  /** {@code id@version#first-16-hex-of-rules-hash}. */
  public String packKey() {
    return packKey;
  }

  public PackInfo info() {
    return new PackInfo(
        descriptor.id(), descriptor.version(), descriptor.description(), PackState.STARTED, rules.rulesHash(), null);
  }
}
