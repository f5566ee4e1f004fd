package io.stepcache.packs.math.problem;

import io.stepcache.packs.math.algebra.Token;
import io.stepcache.packs.math.algebra.TokenType;
import io.stepcache.packs.math.algebra.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds equations in free text. Around each relation sign it grows a run of math tokens to the
 * left and right: numbers, operators, single letters next to an operator, and longer words only
 * when glued to a number ({@code 3price}) or named as the unknown by the prompt ("solve for
 * price", "find the value of price"). Other words ("Solve", "if", "for") stop the run, so "Find y
 * if 7 = 2y - 3" yields {@code 7 = 2y - 3}. Chained relations ({@code 1 < x < 3}) form one run.
 */
public final class EquationFinder {

  private static final Set<String> CUES =
      Set.of("for", "find", "of", "is", "calculate", "compute", "determine", "solve");
  private static final Set<String> FILLERS = Set.of("the", "value", "of", "unknown", "variable", "number");

  private final List<Token> tokens;
  private final Set<String> namedWords;

  private EquationFinder(List<Token> tokens) {
    this.tokens = tokens;
    this.namedWords = namedWords(tokens);
  }

  /** The equation-like token runs of {@code text}, in order of appearance. */
  public static List<List<Token>> find(String text) {
    return new EquationFinder(Tokenizer.tokenize(text)).runs();
  }

  private List<List<Token>> runs() {
    List<List<Token>> runs = new ArrayList<>();
    int covered = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).type() != TokenType.RELATION || i <= covered) {
        continue;
      }
      int lo = i;
      while (lo - 1 > covered && joinsLeft(lo - 1)) {
        lo--;
      }
      int hi = i;
      while (hi + 1 < tokens.size() && joinsRight(hi + 1)) {
        hi++;
      }
      covered = hi;
      List<Token> run = trim(tokens.subList(lo, hi + 1));
      if (!run.isEmpty()) {
        runs.add(List.copyOf(run));
      }
    }
    return runs;
  }

  /** Words the prompt names as what to find: the word after "for", "find (the value of)" ... */
  private static Set<String> namedWords(List<Token> tokens) {
    Set<String> named = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).type() != TokenType.IDENT || !CUES.contains(lower(tokens.get(i)))) {
        continue;
      }
      int j = i + 1;
      while (j < tokens.size()
          && tokens.get(j).type() == TokenType.IDENT
          && FILLERS.contains(lower(tokens.get(j)))) {
        j++;
      }
      if (j < tokens.size() && tokens.get(j).type() == TokenType.IDENT) {
        named.add(tokens.get(j).text());
      }
    }
    return named;
  }

  private static String lower(Token t) {
    return t.text().toLowerCase(Locale.ROOT);
  }

  private boolean joinsLeft(int k) {
    Token c = tokens.get(k);
    Token right = tokens.get(k + 1);
    boolean beforeSymbol = right.type() == TokenType.OPERATOR || right.type() == TokenType.RELATION;
    return switch (c.type()) {
      case RELATION, OPERATOR -> true;
      case NUMBER -> beforeSymbol
          || (right.type() == TokenType.IDENT && (!right.spaceBefore() || right.text().length() == 1));
      case IDENT -> (beforeSymbol && isMathWord(c)) || isGluedToNumber(k);
      case OTHER -> false;
    };
  }

  private boolean joinsRight(int k) {
    Token c = tokens.get(k);
    Token left = tokens.get(k - 1);
    boolean afterSymbol =
        left.type() == TokenType.RELATION || (left.type() == TokenType.OPERATOR && !left.is(")"));
    return switch (c.type()) {
      case RELATION, OPERATOR -> true;
      case NUMBER -> afterSymbol;
      case IDENT -> (afterSymbol && isMathWord(c))
          || (left.type() == TokenType.NUMBER && (!c.spaceBefore() || c.text().length() == 1))
          || (left.is(")") && !c.spaceBefore());
      case OTHER -> false;
    };
  }

  /** A single letter, or a word the prompt names as the unknown. */
  private boolean isMathWord(Token t) {
    return t.text().length() == 1 || namedWords.contains(t.text());
  }

  /** A word written right after a number, as in {@code 3price}. */
  private boolean isGluedToNumber(int k) {
    return k > 0 && !tokens.get(k).spaceBefore() && tokens.get(k - 1).type() == TokenType.NUMBER;
  }

  private static List<Token> trim(List<Token> run) {
    int lo = 0;
    int hi = run.size();
    while (lo < hi) {
      Token first = run.get(lo);
      Token last = run.get(hi - 1);
      int balance = balance(run.subList(lo, hi));
      if (first.is("*") || first.is("/") || first.is("^") || first.is(")")) {
        lo++;
      } else if (last.type() == TokenType.OPERATOR && !last.is(")")) {
        hi--;
      } else if (first.is("(") && balance > 0) {
        lo++;
      } else if (last.is(")") && balance < 0) {
        hi--;
      } else {
        break;
      }
    }
    return run.subList(lo, hi);
  }

  /** Open minus closed parentheses. */
  private static int balance(List<Token> run) {
    int balance = 0;
    for (Token t : run) {
      if (t.is("(")) {
        balance++;
      } else if (t.is(")")) {
        balance--;
      }
    }
    return balance;
  }
}
