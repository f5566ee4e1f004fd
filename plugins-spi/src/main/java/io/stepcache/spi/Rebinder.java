package io.stepcache.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stores steps relative to their bindings and re-instantiates them for new bindings.
 *
 * <p>{@link #abstractStep} runs once when a verified answer is stored; {@link #instantiate} runs on
 * every reuse, so it must be cheap. A template that cannot follow a change (a literal that was not
 * abstracted) simply produces a step that fails verification and is patched.
 */
public interface Rebinder {

  /** The step with binding values replaced by placeholders the pack understands. */
  String abstractStep(String stepText, Signature signature);

  /** The template filled in with the new signature's bindings. */
  String instantiate(String template, Signature signature);

  /**
   * The default rebinder: whole-token occurrences of each binding value become {@code
   * {{name}}} (longest values first), and placeholders are replaced by the new values.
   */
  static Rebinder placeholders() {
    return PlaceholderRebinder.INSTANCE;
  }

  /** See {@link Rebinder#placeholders()}. */
  final class PlaceholderRebinder implements Rebinder {
    static final PlaceholderRebinder INSTANCE = new PlaceholderRebinder();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");

    private PlaceholderRebinder() {}

    @Override
    public String abstractStep(String stepText, Signature signature) {
      List<Map.Entry<String, String>> entries = new ArrayList<>(signature.bindings().entrySet());
      entries.removeIf(e -> e.getValue() == null || e.getValue().isEmpty());
      entries.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()));
      String out = stepText;
      for (Map.Entry<String, String> e : entries) {
        String value = Pattern.quote(e.getValue());
        out = out.replaceAll("(?<![\\w.{])" + value + "(?![\\w}])", Matcher.quoteReplacement("{{" + e.getKey() + "}}"));
      }
      return out;
    }

    @Override
    public String instantiate(String template, Signature signature) {
      Matcher m = PLACEHOLDER.matcher(template);
      StringBuilder sb = new StringBuilder(template.length() + 16);
      while (m.find()) {
        String value = signature.binding(m.group(1));
        m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
      }
      m.appendTail(sb);
      return sb.toString();
    }
  }
}
