package io.stepcache.packs.math.rebind;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.LinearSide;
import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.algebra.Token;
import io.stepcache.packs.math.algebra.TokenType;
import io.stepcache.packs.math.algebra.Tokenizer;
import io.stepcache.packs.math.solve.LinearSolver;
import io.stepcache.packs.math.steps.Operation;
import io.stepcache.packs.math.steps.StepLine;
import io.stepcache.packs.math.steps.StepLine.AnswerLine;
import io.stepcache.packs.math.steps.StepLine.OperationLine;
import io.stepcache.packs.math.steps.StepOperation;
import io.stepcache.packs.math.steps.StepParser;
import io.stepcache.spi.Rebinder;
import io.stepcache.spi.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Stores a step with each number replaced by the {@link Candidates candidate expression} that
 * produces it ({@code Subtract {{b}} from both sides: {{a}}{{var}} = {{c-b}}}) and the unknown
 * replaced by {@code {{var}}}.
 *
 * <p>A number exactly one candidate produces takes that candidate. When several do (3x + 3 = 18:
 * is a 3 {@code a} or {@code b}?), and for a coefficient of 1 or -1 written as the bare unknown
 * ({@code -y + 8 = 0}), the choice is made by what the step means: each combination is tried at
 * two made-up sets of constants ({@link Candidates#probe}), where the instantiated step must still
 * hold for the problem those constants make: its equation keeps the problem's solution (an answer
 * line states it), a first step still follows from the problem by its operation, and a term the
 * operation's input equation lacked stays absent. Combinations that template fewer bare-unknown
 * coefficients come first, and ties go to those that keep the step's equations at the problem's
 * own scale. A choice on which the remaining combinations agree is taken; otherwise the number
 * stays literal, as does a number no candidate produces. A literal that is wrong for a new request
 * fails verification and is patched, and every rebound step is verified, so a template can cost a
 * patch but never a wrong answer.
 *
 * <p>Instantiation evaluates each placeholder for the new bindings and writes the number
 * canonically, tidying signs: a coefficient of 1 before the unknown disappears, {@code + -5}
 * becomes {@code - 5}, and "Subtract -5 from both sides" becomes "Add 5 to both sides".
 * Thread-safe.
 *
 * <p>Over 350 lines on purpose: abstraction and instantiation are inverses over one placeholder
 * grammar (slots, implicit coefficients, canonical numbers, sign tidying), and the probe check that
 * chooses between templates instantiates them; kept together, a template this class writes is one
 * it can instantiate back to the step (the engine stores it only if it does).
 */
public final class ExpressionRebinder implements Rebinder {

  private static final String VAR = "{{var}}";
  private static final Pattern ADD_NEGATIVE = Pattern.compile("^Add -(.+?) to both sides");
  private static final Pattern SUBTRACT_NEGATIVE = Pattern.compile("^Subtract -(.+?) from both sides");
  /** Combinations tried per step at most; beyond, ambiguous numbers stay literal. */
  private static final int MAX_COMBINATIONS = 256;
  /** Relative tolerance of the probe checks (instantiated numbers carry 10 significant digits). */
  private static final double PROBE_TOLERANCE = 1e-6;

  /** Abstracted steps kept, so a REUSE that stores the same steps again does not redo the checks. */
  private static final int MAX_REMEMBERED = 1024;

  private final Map<Remembered, String> remembered = new ConcurrentHashMap<>();

  private record Remembered(String stepText, Signature signature) {}

  /** Text {@code [start, end)} of the step written as {@code text} in the template. */
  private record Replacement(int start, int end, String text) {}

  /**
   * A place where the template may name an expression: the options are placeholder names, {@code
   * null} standing for the literal text.
   */
  private record Slot(int start, int end, List<String> options, boolean implicit) {}

  @Override
  public String abstractStep(String stepText, Signature signature) {
    Remembered key = new Remembered(stepText, signature);
    String template = remembered.get(key);
    if (template == null) {
      template = abstractAnew(stepText, signature);
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
      remembered.put(key, template);
    }
    return template;
  }

  private String abstractAnew(String stepText, Signature signature) {
    String variable = signature.binding("var");
    BindingValues values = BindingValues.of(signature);
    List<Candidates.Named> candidates = Candidates.of(signature);
    List<Token> tokens = Tokenizer.tokenize(stepText);
    List<Replacement> fixed = new ArrayList<>();
    List<Slot> open = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.type() == TokenType.IDENT && t.text().equals(variable)) {
        fixed.add(new Replacement(t.start(), t.end(), VAR));
        if (i == 0 || tokens.get(i - 1).type() != TokenType.NUMBER) {
          boolean negative = isUnaryMinusBefore(tokens, i, variable);
          List<String> matches = matches(candidates, values, negative ? -1 : 1);
          if (!matches.isEmpty()) {
            List<String> options = new ArrayList<>();
            options.add(null);
            options.addAll(matches);
            int start = negative ? tokens.get(i - 1).start() : t.start();
            open.add(new Slot(start, t.start(), options, true));
          }
        }
      } else if (t.type() == TokenType.NUMBER) {
        boolean negative = isUnaryMinusBefore(tokens, i, variable);
        double value = negative ? -Double.parseDouble(t.text()) : Double.parseDouble(t.text());
        List<String> matches = matches(candidates, values, value);
        int start = negative ? tokens.get(i - 1).start() : t.start();
        if (matches.size() == 1) {
          fixed.add(new Replacement(start, t.end(), "{{" + matches.get(0) + "}}"));
        } else if (matches.size() > 1) {
          List<String> options = new ArrayList<>(matches);
          options.add(null);
          open.add(new Slot(start, t.end(), options, false));
        }
      }
    }
    List<String> literal = new ArrayList<>();
    open.forEach(s -> literal.add(null));
    if (open.isEmpty()) {
      return assemble(stepText, fixed, open, literal);
    }
    return resolve(stepText, signature, values, fixed, open)
        .orElseGet(() -> assemble(stepText, fixed, open, literal));
  }

  /**
   * The template whose open slots take the options every combination that holds at the probe
   * points agrees on (literal where they disagree), if that template holds there too.
   */
  private Optional<String> resolve(
      String stepText, Signature signature, BindingValues values, List<Replacement> fixed, List<Slot> open) {
    long combinations = 1;
    for (Slot s : open) {
      combinations *= s.options().size();
      if (combinations > MAX_COMBINATIONS) {
        return Optional.empty();
      }
    }
    Optional<LinearEquation> problem = values.equation();
    if (problem.isEmpty()) {
      return Optional.empty();
    }
    Meaning meaning = Meaning.of(StepParser.parse(stepText), problem.get());
    if (meaning == null) {
      return Optional.empty();
    }
    List<Probe> probes = new ArrayList<>(2);
    for (int which = 0; which < 2; which++) {
      Optional<Probe> probe = Probe.of(signature, which);
      if (probe.isEmpty()) {
        return Optional.empty();
      }
      probes.add(probe.get());
    }
    // Fewest bare-unknown coefficients templated first: a level with a holding combination ends it.
    List<List<String>> holding = new ArrayList<>();
    List<List<String>> preferred = new ArrayList<>();
    long implicitSlots = open.stream().filter(Slot::implicit).count();
    for (int level = 0; level <= implicitSlots && holding.isEmpty(); level++) {
      for (long n = 0; n < combinations; n++) {
        long rest = n;
        List<String> names = new ArrayList<>(open.size());
        int implicit = 0;
        for (Slot slot : open) {
          int size = slot.options().size();
          String name = slot.options().get((int) (rest % size));
          rest /= size;
          names.add(name);
          implicit += slot.implicit() && name != null ? 1 : 0;
        }
        if (implicit != level) {
          continue;
        }
        Fit fit = fit(assemble(stepText, fixed, open, names), probes, meaning);
        if (fit != Fit.FAILS) {
          holding.add(names);
        }
        if (fit == Fit.HOLDS_AT_SCALE) {
          preferred.add(names);
        }
      }
    }
    List<String> agreed = agreement(preferred.isEmpty() ? holding : preferred, open.size());
    if (agreed == null) {
      return Optional.empty();
    }
    String template = assemble(stepText, fixed, open, agreed);
    return fit(template, probes, meaning) != Fit.FAILS ? Optional.of(template) : Optional.empty();
  }

  /** Per slot, the name all {@code combinations} choose, or null (literal) where they differ. */
  private static List<String> agreement(List<List<String>> combinations, int slots) {
    if (combinations.isEmpty()) {
      return null;
    }
    List<String> agreed = new ArrayList<>(combinations.get(0));
    for (List<String> names : combinations) {
      for (int s = 0; s < slots; s++) {
        if (agreed.get(s) != null && !agreed.get(s).equals(names.get(s))) {
          agreed.set(s, null);
        }
      }
    }
    return agreed;
  }

  /** The facts about the original step that its template must keep for other constants. */
  private record Meaning(
      boolean answer, boolean followsFromProblem, boolean[] absentBefore, double inputScale, double outputScale) {

    /** The step's meaning for {@code problem}, or {@code null} when it is not a readable step. */
    static Meaning of(StepLine line, LinearEquation problem) {
      if (line instanceof AnswerLine) {
        return new Meaning(true, false, null, Double.NaN, Double.NaN);
      }
      if (!(line instanceof OperationLine op)) {
        return null;
      }
      boolean follows = close(op.operation().apply(problem), op.equation());
      LinearEquation input = inverse(op.operation()).apply(op.equation());
      return new Meaning(
          false, follows, zeros(input), unitScale(input, problem), unitScale(op.equation(), problem));
    }
  }

  /**
   * One set of made-up constants: the signature with them, their values, the problem they make
   * and its solution.
   */
  private record Probe(Signature signature, BindingValues values, LinearEquation problem, double solution) {

    static Optional<Probe> of(Signature signature, int which) {
      var made = Candidates.probe(which);
      Map<String, String> bindings = new LinkedHashMap<>();
      signature.bindings().forEach((name, value) -> bindings.put(
          name, BindingValues.isVariable(name) ? value : Numbers.format(made.applyAsDouble(name))));
      Signature probe = new Signature(signature.structureKey(), bindings, signature.features());
      BindingValues values = BindingValues.of(probe);
      return values.equation().flatMap(problem -> {
        OptionalDouble solution = LinearSolver.solve(problem);
        return solution.isPresent()
            ? Optional.of(new Probe(probe, values, problem, solution.getAsDouble()))
            : Optional.empty();
      });
    }
  }

  /** How a candidate template fares at the probes. */
  private enum Fit {
    /** Some fact about the step does not hold for some probe. */
    FAILS,
    /** Every fact holds. */
    HOLDS,
    /** Every fact holds, and so does the tie-break of {@link #keepsScale}. */
    HOLDS_AT_SCALE
  }

  /**
   * Checks {@code template} at each probe: its equation keeps the problem's solution (an answer
   * line states it), a first step still follows from the problem, and a term the operation's input
   * lacked is still absent. As a tie-break between templates that hold, an equation of the step
   * (its input, its result) that is the problem itself up to moving terms and swapping sides
   * (scale 1 or -1 once both sides are collected) for the step's own constants should stay so:
   * this is what tells "Divide both sides by 17" after {@code 17y = -8} as the coefficient rather
   * than as the constant 17 of {@code 21y + 17 = 4y}.
   */
  private Fit fit(String template, List<Probe> probes, Meaning meaning) {
    boolean keepsScale = true;
    for (Probe probe : probes) {
      String text = instantiate(template, probe.signature(), probe.values());
      if (text.contains("{{")) {
        return Fit.FAILS;
      }
      StepLine line = StepParser.parse(text);
      if (meaning.answer()) {
        if (!(line instanceof AnswerLine a) || !near(a.value(), probe.solution())) {
          return Fit.FAILS;
        }
        continue;
      }
      if (!(line instanceof OperationLine op)) {
        return Fit.FAILS;
      }
      OptionalDouble own = LinearSolver.solve(op.equation());
      if (own.isEmpty() || !near(own.getAsDouble(), probe.solution())) {
        return Fit.FAILS;
      }
      if (meaning.followsFromProblem() && !close(op.operation().apply(probe.problem()), op.equation())) {
        return Fit.FAILS;
      }
      LinearEquation input = inverse(op.operation()).apply(op.equation());
      boolean[] zeros = zeros(input);
      for (int k = 0; k < zeros.length; k++) {
        if (meaning.absentBefore()[k] && !zeros[k]) {
          return Fit.FAILS;
        }
      }
      keepsScale = keepsScale
          && sameScale(meaning.inputScale(), unitScale(input, probe.problem()))
          && sameScale(meaning.outputScale(), unitScale(op.equation(), probe.problem()));
    }
    return keepsScale ? Fit.HOLDS_AT_SCALE : Fit.HOLDS;
  }

  private static boolean sameScale(double expected, double actual) {
    return Double.isNaN(expected) || (!Double.isNaN(actual) && near(expected, actual));
  }

  /**
   * 1 or -1 when {@code e}, both sides collected, is {@code problem} collected the same way or with
   * the sides swapped; NaN otherwise.
   */
  private static double unitScale(LinearEquation e, LinearEquation problem) {
    double scale = e.combinedCoefficient() / problem.combinedCoefficient();
    boolean constantsAgree = near(e.combinedConstant(), scale * problem.combinedConstant());
    if (constantsAgree && (near(scale, 1) || near(scale, -1))) {
      return Math.signum(scale);
    }
    return Double.NaN;
  }

  /** Which of coefficient and constant of each side are zero: the terms an equation lacks. */
  private static boolean[] zeros(LinearEquation e) {
    double[] parts = {e.left().coefficient(), e.left().constant(), e.right().coefficient(), e.right().constant()};
    double scale = 1;
    for (double p : parts) {
      scale = Math.max(scale, Math.abs(p));
    }
    boolean[] zeros = new boolean[parts.length];
    for (int k = 0; k < parts.length; k++) {
      zeros[k] = Math.abs(parts[k]) <= PROBE_TOLERANCE * scale;
    }
    return zeros;
  }

  private static StepOperation inverse(StepOperation op) {
    Operation inverse = switch (op.operation()) {
      case ADD -> Operation.SUBTRACT;
      case SUBTRACT -> Operation.ADD;
      case MULTIPLY -> Operation.DIVIDE;
      case DIVIDE -> Operation.MULTIPLY;
      case SWAP -> Operation.SWAP;
    };
    return new StepOperation(inverse, op.operand());
  }

  private static boolean close(LinearEquation x, LinearEquation y) {
    return close(x.left(), y.left()) && close(x.right(), y.right());
  }

  private static boolean close(LinearSide x, LinearSide y) {
    return near(x.coefficient(), y.coefficient()) && near(x.constant(), y.constant());
  }

  private static boolean near(double x, double y) {
    return Math.abs(x - y) <= PROBE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
  }

  /** The step with the fixed replacements and, per open slot, the chosen name (null: literal). */
  private static String assemble(String stepText, List<Replacement> fixed, List<Slot> open, List<String> names) {
    List<Replacement> all = new ArrayList<>(fixed);
    for (int s = 0; s < open.size(); s++) {
      if (names.get(s) != null) {
        all.add(new Replacement(open.get(s).start(), open.get(s).end(), "{{" + names.get(s) + "}}"));
      }
    }
    all.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start()) : Integer.compare(x.end(), y.end()));
    StringBuilder out = new StringBuilder(stepText.length() + 32);
    int copied = 0;
    for (Replacement r : all) {
      out.append(stepText, copied, r.start()).append(r.text());
      copied = r.end();
    }
    return out.append(stepText, copied, stepText.length()).toString();
  }

  @Override
  public String instantiate(String template, Signature signature) {
    return template.indexOf("{{") < 0 ? template : instantiate(template, signature, BindingValues.of(signature));
  }

  private static String instantiate(String template, Signature signature, BindingValues values) {
    int open = template.indexOf("{{");
    StringBuilder out = new StringBuilder(template.length() + 16);
    int copied = 0;
    while (open >= 0) {
      int close = template.indexOf("}}", open + 2);
      if (close < 0) {
        break;
      }
      out.append(template, copied, open);
      String name = template.substring(open + 2, close);
      copied = close + 2;
      if (name.equals("var")) {
        String variable = signature.binding("var");
        out.append(variable == null ? VAR : variable);
      } else {
        double value = BindingExpression.parse(name).evaluate(values);
        if (Double.isFinite(value)) {
          appendNumber(out, value, template.startsWith(VAR, copied));
        } else {
          out.append(template, open, copied);
        }
      }
      open = template.indexOf("{{", copied);
    }
    out.append(template, copied, template.length());
    return tidyOperation(out.toString());
  }

  /** The names of the candidates that produce {@code value} for the signature's own bindings. */
  private static List<String> matches(List<Candidates.Named> candidates, BindingValues values, double value) {
    List<String> names = new ArrayList<>();
    for (Candidates.Named c : candidates) {
      double v = c.expression().evaluate(values);
      if (Double.isFinite(v) && Numbers.close(v, value)) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** A {@code -} that starts a signed number rather than subtracting ("= -3", "by -3", "-3x"). */
  private static boolean isUnaryMinusBefore(List<Token> tokens, int i, String variable) {
    if (i == 0 || !tokens.get(i - 1).is("-")) {
      return false;
    }
    if (i == 1) {
      return true;
    }
    Token before = tokens.get(i - 2);
    boolean operandEnds = before.type() == TokenType.NUMBER
        || before.is(")")
        || (before.type() == TokenType.IDENT && before.text().equals(variable));
    return !operandEnds;
  }

  /**
   * Appends {@code value}; a coefficient of ±1 before the unknown is written as nothing (or "-"),
   * and a negative value after a binary sign flips that sign instead.
   */
  private static void appendNumber(StringBuilder out, double value, boolean coefficient) {
    String magnitude = Numbers.format(Math.abs(value));
    if (coefficient && magnitude.equals("1")) {
      magnitude = "";
    }
    if (value >= 0 || Numbers.format(value).equals("0")) {
      out.append(magnitude);
      return;
    }
    int sign = out.length() - 1;
    while (sign >= 0 && out.charAt(sign) == ' ') {
      sign--;
    }
    if (sign >= 0 && (out.charAt(sign) == '+' || out.charAt(sign) == '-')) {
      out.setCharAt(sign, out.charAt(sign) == '+' ? '-' : '+');
      out.append(magnitude);
    } else {
      out.append('-').append(magnitude);
    }
  }

  private static String tidyOperation(String step) {
    if (step.startsWith("Add -")) {
      return ADD_NEGATIVE.matcher(step).replaceFirst("Subtract $1 from both sides");
    }
    if (step.startsWith("Subtract -")) {
      return SUBTRACT_NEGATIVE.matcher(step).replaceFirst("Add $1 to both sides");
    }
    return step;
  }
}
