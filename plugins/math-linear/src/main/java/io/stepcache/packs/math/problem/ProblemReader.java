package io.stepcache.packs.math.problem;

import io.stepcache.packs.math.algebra.EquationSides;
import io.stepcache.packs.math.algebra.ExpressionException;
import io.stepcache.packs.math.algebra.ExpressionParser;
import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.Token;
import io.stepcache.packs.math.algebra.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a prompt into a {@link Problem}. Never throws: what it cannot read is {@link
 * ProblemKind#UNKNOWN}.
 */
public final class ProblemReader {

  private ProblemReader() {}

  /** The problem the prompt states. */
  public static Problem read(String prompt) {
    List<List<Token>> equations = EquationFinder.find(prompt);
    List<Token> all = new ArrayList<>();
    equations.forEach(all::addAll);
    List<String> unknowns = List.copyOf(ExpressionParser.unknownsIn(all));
    if (equations.isEmpty() || unknowns.isEmpty()) {
      return new Problem(ProblemKind.UNKNOWN, unknowns, equations, null);
    }
    List<Token> relations = all.stream().filter(t -> t.type() == TokenType.RELATION).toList();
    if (relations.stream().anyMatch(t -> !t.isEquals())) {
      return new Problem(ProblemKind.INEQUALITY, unknowns, equations, null);
    }
    if (equations.size() > 1 || relations.size() > 1 || unknowns.size() > 1) {
      return new Problem(ProblemKind.SYSTEM, unknowns, equations, null);
    }
    return single(equations.get(0), unknowns);
  }

  private static Problem single(List<Token> tokens, List<String> unknowns) {
    try {
      EquationSides.Polynomials sides = EquationSides.split(tokens).parse(unknowns.get(0));
      int degree = sides.highestDegreeSeen();
      if (degree > 2) {
        return new Problem(ProblemKind.NONLINEAR, unknowns, List.of(tokens), null);
      }
      if (degree == 2) {
        return new Problem(ProblemKind.QUADRATIC, unknowns, List.of(tokens), null);
      }
      LinearEquation equation = LinearEquation.of(sides.left(), sides.right());
      ProblemKind kind = equation.isDegenerate() ? ProblemKind.DEGENERATE : ProblemKind.LINEAR;
      return new Problem(kind, unknowns, List.of(tokens), equation);
    } catch (ExpressionException e) {
      ProblemKind kind = e.reason() == ExpressionException.Reason.NOT_POLYNOMIAL
          ? ProblemKind.NONLINEAR
          : ProblemKind.UNKNOWN;
      return new Problem(kind, unknowns, List.of(tokens), null);
    }
  }
}
