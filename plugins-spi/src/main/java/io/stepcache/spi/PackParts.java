package io.stepcache.spi;

import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import io.stepcache.spi.sim.ModelOracle;
import io.stepcache.spi.verify.FactProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a started pack serves requests with: its detector, analyser, segmenter, rebinder, fact
 * provider, repair strategies, prompt builder, stitcher and oracle, as one immutable value. A pack
 * builds it from its {@link PackContext} in {@link TaskPack#parts(PackContext)}; the host asks once
 * and keeps it. Since SPI 1.1.
 *
 * <pre>{@code
 * public PackParts parts(PackContext context) {
 *   int attempts = context.intConfig("repair.maxAttempts", 1);
 *   return PackParts.builder()
 *       .detector(new MyDetector())
 *       ...
 *       .repairStrategies(List.of(new MyRepair(attempts)))
 *       .build();
 * }
 * }</pre>
 */
public final class PackParts {

  private final Detector detector;
  private final Analyser analyser;
  private final Segmenter segmenter;
  private final Rebinder rebinder;
  private final FactProvider facts;
  private final List<RepairStrategy> repairStrategies;
  private final PromptBuilder prompts;
  private final Stitcher stitcher;
  private final Optional<ModelOracle> oracle;
  private final AutoCloseable onClose;

  private PackParts(Builder b) {
    this.detector = required(b.detector, "detector");
    this.analyser = required(b.analyser, "analyser");
    this.segmenter = required(b.segmenter, "segmenter");
    this.rebinder = b.rebinder == null ? Rebinder.placeholders() : b.rebinder;
    this.facts = required(b.facts, "facts");
    this.repairStrategies = b.repairStrategies == null ? List.of() : List.copyOf(b.repairStrategies);
    this.prompts = required(b.prompts, "prompts");
    this.stitcher = required(b.stitcher, "stitcher");
    this.oracle = Optional.ofNullable(b.oracle);
    this.onClose = b.onClose;
  }

  private static <T> T required(T value, String part) {
    if (value == null) {
      throw new IllegalStateException("The pack's parts have no " + part + " (PackParts.Builder." + part + ")");
    }
    return value;
  }

  /** An empty builder: detector, analyser, segmenter, facts, prompts and stitcher are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The parts an SPI 1.0 pack's accessors return ({@link TaskPack#detector()} and the others),
   * each asked for once. This is how {@link TaskPack#parts(PackContext)} works for a pack that
   * does not override it, after {@link TaskPack#start(PackContext)}.
   *
   * @throws IllegalStateException naming the accessor that returned {@code null}
   */
  public static PackParts fromAccessors(TaskPack pack) {
    Objects.requireNonNull(pack, "pack");
    String name = pack.getClass().getName();
    return builder()
        .detector(returned(pack.detector(), name, "detector"))
        .analyser(returned(pack.analyser(), name, "analyser"))
        .segmenter(returned(pack.segmenter(), name, "segmenter"))
        .rebinder(returned(pack.rebinder(), name, "rebinder"))
        .facts(returned(pack.facts(), name, "facts"))
        .repairStrategies(returned(pack.repairStrategies(), name, "repairStrategies"))
        .prompts(returned(pack.prompts(), name, "prompts"))
        .stitcher(returned(pack.stitcher(), name, "stitcher"))
        .oracle(returned(pack.oracle(), name, "oracle").orElse(null))
        .build();
  }

  private static <T> T returned(T value, String pack, String accessor) {
    if (value == null) {
      throw new IllegalStateException("Pack " + pack + " returned null for " + accessor + "()");
    }
    return value;
  }

  /** Claims prompts when the client names no task. */
  public Detector detector() {
    return detector;
  }

  /** Request to structure key + bindings. */
  public Analyser analyser() {
    return analyser;
  }

  /** Answer text to ordered steps. */
  public Segmenter segmenter() {
    return segmenter;
  }

  /** Cached steps to new bindings; {@link Rebinder#placeholders()} unless the pack set one. */
  public Rebinder rebinder() {
    return rebinder;
  }

  /** Turns requests and steps into the facts the rules match on. */
  public FactProvider facts() {
    return facts;
  }

  /** Repairs failing steps, tried in order; empty unless the pack set some. */
  public List<RepairStrategy> repairStrategies() {
    return repairStrategies;
  }

  /** Prompt for a full generation. */
  public PromptBuilder prompts() {
    return prompts;
  }

  /** Stitches steps into the answer text and extracts the final answer. */
  public Stitcher stitcher() {
    return stitcher;
  }

  /** The stand-in model for the simulated backend, if the pack has one. */
  public Optional<ModelOracle> oracle() {
    return oracle;
  }

  /**
   * Releases what the parts hold (the {@link Builder#onClose} of the pack), once the host no longer
   * uses them. The host calls it after {@link TaskPack#close()}.
   */
  public void close() throws Exception {
    if (onClose != null) {
      onClose.close();
    }
  }

  /** Collects the parts; not thread-safe, used once. */
  public static final class Builder {
    private Detector detector;
    private Analyser analyser;
    private Segmenter segmenter;
    private Rebinder rebinder;
    private FactProvider facts;
    private List<RepairStrategy> repairStrategies;
    private PromptBuilder prompts;
    private Stitcher stitcher;
    private ModelOracle oracle;
    private AutoCloseable onClose;

    private Builder() {}

    /** Required. */
    public Builder detector(Detector detector) {
      this.detector = detector;
      return this;
    }

    /** Required. */
    public Builder analyser(Analyser analyser) {
      this.analyser = analyser;
      return this;
    }

    /** Required. */
    public Builder segmenter(Segmenter segmenter) {
      this.segmenter = segmenter;
      return this;
    }

    /** Optional; defaults to {@link Rebinder#placeholders()}. */
    public Builder rebinder(Rebinder rebinder) {
      this.rebinder = rebinder;
      return this;
    }

    /** Required. */
    public Builder facts(FactProvider facts) {
      this.facts = facts;
      return this;
    }

    /** Optional (tried in order); defaults to none. */
    public Builder repairStrategies(List<RepairStrategy> repairStrategies) {
      this.repairStrategies = repairStrategies;
      return this;
    }

    /** Required. */
    public Builder prompts(PromptBuilder prompts) {
      this.prompts = prompts;
      return this;
    }

    /** Required. */
    public Builder stitcher(Stitcher stitcher) {
      this.stitcher = stitcher;
      return this;
    }

    /** Optional: a perfect model for the simulated backend (tests and benchmarks only). */
    public Builder oracle(ModelOracle oracle) {
      this.oracle = oracle;
      return this;
    }

    /**
     * Optional: releases what the pack acquired while it built its parts (threads, executors,
     * listeners registered with the JDK), called once when the pack is closed.
     */
    public Builder onClose(AutoCloseable onClose) {
      this.onClose = onClose;
      return this;
    }

    /**
     * The parts.
     *
     * @throws IllegalStateException naming the first required part that is missing
     */
    public PackParts build() {
      return new PackParts(this);
    }
  }
}
