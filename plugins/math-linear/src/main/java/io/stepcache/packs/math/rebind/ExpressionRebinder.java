package io.stepcache.packs.math.rebind;

import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.algebra.Token;
import io.stepcache.packs.math.algebra.TokenType;
import io.stepcache.packs.math.algebra.Tokenizer;
import io.stepcache.spi.Rebinder;
import io.stepcache.spi.Signature;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stores a step with each number replaced by the one {@link Candidates candidate expression}
 * that produces it ({@code Subtract {{b}} from both sides: {{a}}{{var}} = {{c-b}}}) and the
 * unknown replaced by {@code {{var}}}. A number that no candidate or more than one candidate
 * produces stays literal: if it is wrong for a new request, verification catches it and the step
 * is patched.
 *
 * <p>Instantiation evaluates each placeholder for the new bindings and writes the number
 * canonically, tidying signs: a coefficient of 1 before the unknown disappears, {@code + -5}
 * becomes {@code - 5}, and "Subtract -5 from both sides" becomes "Add 5 to both sides".
 * Thread-safe.
 */
public final class ExpressionRebinder implements Rebinder {

  private static final String VAR = "{{var}}";
  private static final Pattern ADD_NEGATIVE = Pattern.compile("^Add -(.+?) to both sides");
  private static final Pattern SUBTRACT_NEGATIVE = Pattern.compile("^Subtract -(.+?) from both sides");

  @Override
  public String abstractStep(String stepText, Signature signature) {
    String variable = signature.binding("var");
    BindingValues values = BindingValues.of(signature);
    List<Candidates.Named> candidates = Candidates.of(signature);
    List<Token> tokens = Tokenizer.tokenize(stepText);
    StringBuilder out = new StringBuilder(stepText.length() + 32);
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.type() == TokenType.IDENT && t.text().equals(variable)) {
        out.append(stepText, copied, t.start()).append(VAR);
        copied = t.end();
      } else if (t.type() == TokenType.NUMBER) {
        boolean negative = isUnaryMinusBefore(tokens, i, variable);
        double value = negative ? -Double.parseDouble(t.text()) : Double.parseDouble(t.text());
        String name = uniqueMatch(candidates, values, value);
        if (name != null) {
          int start = negative ? tokens.get(i - 1).start() : t.start();
          out.append(stepText, copied, start).append("{{").append(name).append("}}");
          copied = t.end();
        }
      }
    }
    return out.append(stepText, copied, stepText.length()).toString();
  }

  @Override
  public String instantiate(String template, Signature signature) {
    int open = template.indexOf("{{");
    if (open < 0) {
      return template;
    }
    BindingValues values = BindingValues.of(signature);
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

  private static String uniqueMatch(List<Candidates.Named> candidates, BindingValues values, double value) {
    String match = null;
    for (Candidates.Named c : candidates) {
      double v = c.expression().evaluate(values);
      if (Double.isFinite(v) && Numbers.close(v, value)) {
        if (match != null) {
          return null;
        }
        match = c.name();
      }
    }
    return match;
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
