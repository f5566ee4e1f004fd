package io.stepcache.packs.math.problem;

import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.algebra.Token;
import io.stepcache.packs.math.algebra.TokenType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of equations that are not a simple {@link LinearShape}: the token runs with every
 * number written {@code #} and the unknowns written {@code v}, {@code v2}, ...; runs are separated
 * by {@code ;}. Bindings: {@code var}, {@code var2} ... for the unknowns and {@code n1}, {@code
 * n2} ... for the numbers, in order. Example: {@code 2(x + 3) = 10} gives {@code #(v+#)=#} with
 * {@code var=x, n1=2, n2=3, n3=10}.
 */
public final class Skeleton {

  private final String text;
  private final Map<String, String> bindings;

  private Skeleton(String text, Map<String, String> bindings) {
    this.text = text;
    this.bindings = bindings;
  }

  /** The skeleton of {@code equations} with {@code unknowns}. */
  public static Skeleton of(List<List<Token>> equations, List<String> unknowns) {
    Map<String, String> bindings = new LinkedHashMap<>();
    for (int i = 0; i < unknowns.size(); i++) {
      bindings.put(unknownName("var", i), unknowns.get(i));
    }
    StringBuilder text = new StringBuilder();
    int numbers = 0;
    for (List<Token> equation : equations) {
      if (text.length() > 0) {
        text.append(';');
      }
      for (Token t : equation) {
        int unknown = unknowns.indexOf(t.text());
        if (t.type() == TokenType.NUMBER) {
          text.append('#');
          bindings.put("n" + (++numbers), Numbers.canonical(t.text()));
        } else if (t.type() == TokenType.IDENT && unknown >= 0) {
          text.append(unknownName("v", unknown));
        } else {
          text.append(t.text());
        }
      }
    }
    return new Skeleton(text.toString(), bindings);
  }

  private static String unknownName(String base, int index) {
    return index == 0 ? base : base + (index + 1);
  }

  /** The skeleton text, e.g. {@code #(v+#)=#}. */
  public String text() {
    return text;
  }

  /** The abstracted unknowns and numbers, in order. */
  public Map<String, String> bindings() {
    return bindings;
  }
}
