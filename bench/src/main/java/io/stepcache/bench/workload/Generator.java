package io.stepcache.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the workload of one seed, in the paper's design (bench/README.md): for each base
 * index, the math base prompt (cold) followed by its perturbations in a seeded order, then the JSON
 * base prompt followed by its perturbations. Everything (numbers, names, values, phrasings, the
 * order) comes from the seed; the same seed always gives the same requests.
 *
 * <p>With the defaults (10 bases per family, 3 variants per perturbation) a seed has 290 requests:
 * math 10 x (1 + 4 kinds x 3) = 130 and JSON 10 x (1 + 5 kinds x 3) = 160. The paper evaluates 222
 * per seed; it lists four perturbation kinds and does not say how many apply to each family. This
 * workload adds surface WORDING (the issue asks for it) and applies SCHEMA to JSON only (a linear
 * equation has no output schema).
 */
public final class Generator {

  /** Base prompts per family in the paper. */
  public static final int PAPER_BASES = 10;
  /** Variants per perturbation in the paper. */
  public static final int PAPER_VARIANTS = 3;

  private final int bases;
  private final int variants;
  private final WorkloadKind kind;

  /** The paper workload. */
  public Generator(int bases, int variants) {
    this(bases, variants, WorkloadKind.PAPER);
  }

  /** The workload {@code kind}: the JSON families differ, the math family and the structure do not. */
  public Generator(int bases, int variants, WorkloadKind kind) {
    if (bases < 1 || variants < 1 || variants > 3) {
      throw new IllegalArgumentException("need at least one base and 1..3 variants, got " + bases + ", " + variants);
    }
    this.bases = bases;
    this.variants = variants;
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
  }

  /** The paper's sizes: 10 bases per family, 3 variants per perturbation. */
  public static Generator paper() {
    return new Generator(PAPER_BASES, PAPER_VARIANTS);
  }

  /** Which JSON texts this generator writes. */
  public WorkloadKind kind() {
    return kind;
  }

  /** The requests of {@code seed}, in sending order. */
  public Workload generate(long seed) {
    SplittableRandom master = new SplittableRandom(seed);
    List<MathWorkload.Shape> shapes = shuffled(master, MathWorkload.Shape.bases());
    List<JsonWorkload.Domain> domains = shuffled(master,
        kind == WorkloadKind.ADVERSARIAL ? JsonWorkload.Domain.ADVERSARIAL : JsonWorkload.Domain.PAPER);
    List<BenchRequest> all = new ArrayList<>();
    for (int b = 0; b < bases; b++) {
      SplittableRandom mathRnd = master.split();
      SplittableRandom jsonRnd = master.split();
      MathWorkload math = new MathWorkload(mathRnd);
      all.addAll(math.group(b, shapes.get(b % shapes.size()), mathRnd.nextInt(MathWorkload.PHRASINGS.size()), variants));
      boolean withSchema = b % 2 == 0;
      int phrasings = withSchema ? JsonWorkload.SCHEMA_PHRASINGS.size() : JsonWorkload.KEYED_PHRASINGS.size();
      JsonWorkload json = new JsonWorkload(jsonRnd);
      all.addAll(json.group(b, domains.get(b % domains.size()), withSchema, jsonRnd.nextInt(phrasings), variants));
    }
    List<BenchRequest> indexed = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      indexed.add(all.get(i).withIndex(i));
    }
    return new Workload(seed, indexed);
  }

  /** A seeded Fisher-Yates shuffle of a copy. */
  static <T> List<T> shuffled(SplittableRandom rnd, List<T> items) {
    List<T> copy = new ArrayList<>(items);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
    }
    return copy;
  }

  /** "a", "a and b", "a, b and c". */
  static String naturalList(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
