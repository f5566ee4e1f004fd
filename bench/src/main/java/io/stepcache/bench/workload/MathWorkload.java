package io.stepcache.bench.workload;

import io.stepcache.bench.judge.LinearEquation;
import io.stepcache.bench.workload.Truth.MathTruth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The linear-equation family. Each base prompt has its own equation structure (ten of them, from
 * {@code ax + b = c} to {@code a(x + b) = cx + d}) and its own phrasing; its perturbations are:
 *
 * <ul>
 *   <li>CONSTANTS: the same structure, unknown and phrasing with new integers (integer solution);
 *   <li>VARIABLE: the same equation with another unknown;
 *   <li>WORDING: the same equation and unknown, phrased another way;
 *   <li>SEMANTIC: the same numbers in the same order, in another structure with another solution
 *       ({@code 3x + 4 = 19} becomes {@code 3(x + 4) = 19} or {@code x/3 + 4 = 19}): a problem that
 *       looks almost the same and must not be answered from the old one.
 * </ul>
 *
 * The truth is computed by the judge's own linear-equation reader from the text the prompt shows.
 */
final class MathWorkload {

  /** Phrasings: {@code {E}} is the equation, {@code {v}} the unknown. */
  static final List<String> PHRASINGS = List.of(
      "Solve {E}.",
      "Solve for {v}: {E}",
      "What value of {v} satisfies {E}?",
      "Find {v} if {E}.",
      "If {E}, what is {v}?",
      "Calculate {v} given {E}.",
      "Determine {v} such that {E}.",
      "Find the value of {v} in the equation {E}.",
      "Work out {v}: {E}",
      "Given {E}, find {v}.",
      "Please solve the equation {E} for {v}.",
      "{E}. What is {v}?");

  static final List<String> VARIABLES = List.of("x", "y", "z", "t", "n", "k", "m", "p", "q", "r", "u", "w");

  /**
   * An equation structure: a template whose slots {@code {0}}, {@code {1}} ... are numbers and
   * {@code {v}} the unknown, and how to draw numbers that give an integer solution.
   */
  enum Shape {
    AX_B_C("{0}{v} + {1} = {2}", 3),
    C_AX_B("{0} = {1}{v} + {2}", 3),
    AX_B_CX_D("{0}{v} + {1} = {2}{v} + {3}", 4),
    AX_C("{0}{v} = {1}", 2),
    X_B_C("{v} + {0} = {1}", 2),
    A_XB_C("{0}({v} + {1}) = {2}", 3),
    X_DIV_A_B_C("{v}/{0} + {1} = {2}", 3),
    AX_B_CX("{0}{v} + {1} = {2}{v}", 3),
    AX_B_C_D("{0}{v} + {1} = {2} + {3}", 4),
    A_XB_CX_D("{0}({v} + {1}) = {2}{v} + {3}", 4),
    // structures used only as semantic changes of a base prompt
    X_DIV_A_C("{v}/{0} = {1}", 2, false),
    A_MINUS_X_C("{0} - {v} = {1}", 2, false),
    A_X1_C("{0}({v} + 1) = {1}", 2, false),
    XB_DIV_A_C("({v} + {1})/{0} = {2}", 3, false),
    A_XB_C_XD("{0}({v} + {1}) = {2}({v} + {3})", 4, false),
    A_XB_C_D("{0}({v} + {1}) + {2} = {3}", 4, false),
    AX_B_C_XD("{0}{v} + {1} = {2}({v} + {3})", 4, false),
    AX_BX_C_D("{0}{v} + {1}{v} = {2} + {3}", 4, false);

    final String template;
    final int slots;
    final boolean base;

    Shape(String template, int slots) {
      this(template, slots, true);
    }

    Shape(String template, int slots, boolean base) {
      this.template = template;
      this.slots = slots;
      this.base = base;
    }

    /** The structures base prompts use, one per base. */
    static List<Shape> bases() {
      return java.util.Arrays.stream(values()).filter(s -> s.base).toList();
    }

    /** Numbers for this shape with the integer solution {@code s}. */
    long[] draw(SplittableRandom rnd) {
      while (true) {
        long s = nonZero(rnd, -9, 15);
        long a = rnd.nextInt(2, 10);
        long b = nonZero(rnd, -30, 31);
        long c2 = rnd.nextInt(2, 10);
        long[] n = switch (this) {
          case AX_B_C -> new long[] {a, b, a * s + b};
          case C_AX_B -> new long[] {a * s + b, a, b};
          case AX_B_CX_D -> new long[] {a, b, c2, (a - c2) * s + b};
          case AX_C -> new long[] {a, a * s};
          case X_B_C -> new long[] {b, s + b};
          case A_XB_C -> new long[] {a, b, a * (s + b)};
          case X_DIV_A_B_C -> new long[] {a, b, s + b}; // the solution is a*s
          case AX_B_CX -> new long[] {a, (c2 - a) * s, c2};
          case AX_B_C_D -> {
            long c = nonZero(rnd, -30, 31);
            yield new long[] {a, b, c, a * s + b - c};
          }
          case A_XB_CX_D -> new long[] {a, b, c2, a * (s + b) - c2 * s};
          default -> throw new IllegalStateException(this + " is only a semantic change");
        };
        if (valid(n)) {
          return n;
        }
      }
    }

    private boolean valid(long[] n) {
      for (long v : n) {
        if (v == 0) {
          return false;
        }
      }
      String eq = render(n, "x");
      return LinearEquation.tryParse(eq).flatMap(LinearEquation::solution).isPresent();
    }

    /** The equation text, with {@code + -4} written {@code - 4}. */
    String render(long[] numbers, String variable) {
      String t = template;
      for (int i = 0; i < numbers.length; i++) {
        t = t.replace("{" + i + "}", Long.toString(numbers[i]));
      }
      t = t.replace("{v}", variable);
      return t.replace("+ -", "- ").replace("- -", "+ ");
    }
  }

  private final SplittableRandom rnd;

  MathWorkload(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  /** A base prompt for {@code shape} and its perturbations, base first, perturbations shuffled. */
  List<BenchRequest> group(int baseId, Shape shape, int phrasing, int variants) {
    String variable = VARIABLES.get(rnd.nextInt(3)); // bases use x, y or z; renames use the rest too
    long[] numbers = shape.draw(rnd);
    BenchRequest base = request(baseId, Perturbation.BASE, 0, shape, numbers, variable, phrasing);
    double baseSolution = ((MathTruth) base.truth()).solution();
    List<BenchRequest> perturbed = new ArrayList<>();

    List<String> seenPrompts = new ArrayList<>(List.of(base.prompt()));
    for (int v = 0; v < variants; v++) {
      BenchRequest r;
      do {
        r = request(baseId, Perturbation.CONSTANTS, v, shape, shape.draw(rnd), variable, phrasing);
      } while (seenPrompts.contains(r.prompt()));
      seenPrompts.add(r.prompt());
      perturbed.add(r);
    }
    List<String> names = Generator.shuffled(rnd, VARIABLES.stream().filter(n -> !n.equals(variable)).toList());
    for (int v = 0; v < variants; v++) {
      perturbed.add(request(baseId, Perturbation.VARIABLE, v, shape, numbers, names.get(v % names.size()), phrasing));
    }
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < PHRASINGS.size(); i++) {
      if (i != phrasing) {
        others.add(i);
      }
    }
    others = Generator.shuffled(rnd, others);
    for (int v = 0; v < variants; v++) {
      perturbed.add(request(baseId, Perturbation.WORDING, v, shape, numbers, variable, others.get(v % others.size())));
    }
    List<Shape> semantic = new ArrayList<>();
    for (Shape s : Generator.shuffled(rnd, List.of(Shape.values()))) {
      if (s != shape && s.slots == shape.slots) {
        double sol = LinearEquation.tryParse(s.render(numbers, variable))
            .flatMap(LinearEquation::solution).orElse(Double.NaN);
        if (!Double.isNaN(sol) && !LinearEquation.close(sol, baseSolution)) {
          semantic.add(s);
        }
      }
    }
    for (int v = 0; v < variants && v < semantic.size(); v++) {
      perturbed.add(request(baseId, Perturbation.SEMANTIC, v, semantic.get(v), numbers, variable, phrasing));
    }
    List<BenchRequest> group = new ArrayList<>();
    group.add(base);
    group.addAll(Generator.shuffled(rnd, perturbed));
    return group;
  }

  private static BenchRequest request(
      int baseId, Perturbation kind, int variant, Shape shape, long[] numbers, String variable, int phrasing) {
    String equation = shape.render(numbers, variable);
    String prompt = PHRASINGS.get(phrasing).replace("{E}", equation).replace("{v}", variable);
    double solution = LinearEquation.parse(equation).solution().orElseThrow();
    return new BenchRequest(
        -1, Family.MATH_LINEAR, baseId, kind, variant, prompt, null, List.of(),
        new MathTruth(variable, solution, equation));
  }

  private static long nonZero(SplittableRandom rnd, int from, int to) {
    long v;
    do {
      v = rnd.nextInt(from, to);
    } while (v == 0);
    return v;
  }
}
