package io.stepcache.packs.json;

import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.verify.KeyPositionShape;
import io.stepcache.spi.Analyser;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signature of an extraction request.
 *
 * <p>Structure key: {@code json|<instruction>|<shape>|extra=<none|open|closed>}, where the
 * instruction is lower case with whitespace collapsed and every key name replaced by its
 * placeholder {@code {{kN}}}, the shape lists each key position as {@code kN:<types>} plus {@code
 * !} (required) or {@code ?} (optional), and {@code extra} says whether keys beyond the named ones
 * are allowed (no schema, schema allows, schema forbids). The source text is not part of it: its
 * values change between similar requests and the rules re-check them.
 *
 * <p>Bindings: {@code k0=<first key>}, {@code k1=...}, then {@code source=<the source text>} (the
 * engine stores bindings with each entry; {@link JsonRebinder} reads a changed value from the new
 * source text by its context in the cached one). Features: {@code kind=extraction}, {@code
 * keys=<count>} and {@code type.kN=<types>} for the guard.
 */
final class JsonAnalyser implements Analyser {

  /** The binding that holds the request's source text. */
  static final String SOURCE_BINDING = "source";

  @Override
  public Signature analyse(TaskRequest request) {
    ExtractionTask task = ExtractionTask.of(request);
    Map<String, String> bindings = new LinkedHashMap<>();
    Map<String, String> features = new LinkedHashMap<>();
    features.put("kind", "extraction");
    features.put("keys", Integer.toString(task.keys().size()));
    List<String> shape = new ArrayList<>();
    for (int i = 0; i < task.keys().size(); i++) {
      KeySpec key = task.keys().get(i);
      String position = placeholderName(i);
      bindings.put(position, key.name());
      // by key name: with literal keys only a key both requests name can be reused under it
      features.put(KeyPositionShape.TYPE_FEATURE_PREFIX + key.name(), key.typeLabel());
      shape.add(position + ":" + key.typeLabel() + (key.required() ? "!" : "?"));
    }
    bindings.put(SOURCE_BINDING, task.prompt().sourceText());
    String structureKey = String.join("|",
        "json", canonicalInstruction(task), String.join(",", shape), "extra=" + extra(task));
    return new Signature(structureKey, bindings, features);
  }

  /**
   * The key's type and the source text: the value comes from the text whatever the instruction
   * says, and its JSON form from the type (an age asked as a string is {@code "31"}, not {@code 31}).
   */
  @Override
  public String evidence(TaskRequest request, String slot) {
    ExtractionTask task = ExtractionTask.of(request);
    String type = task.key(slot).map(KeySpec::typeLabel).orElse("any");
    return type + "\n" + task.prompt().sourceText();
  }

  /** The name of the binding for key position {@code index}. */
  private static String placeholderName(int index) {
    return "k" + index;
  }

  private static String canonicalInstruction(ExtractionTask task) {
    List<Integer> byLength = new ArrayList<>();
    for (int i = 0; i < task.keys().size(); i++) {
      byLength.add(i);
    }
    byLength.sort(Comparator.comparingInt((Integer i) -> -task.keys().get(i).name().length()));
    String text = task.prompt().instruction();
    for (int i : byLength) {
      Matcher m = keyPattern(task.keys().get(i).name()).matcher(text);
      text = m.replaceAll(Matcher.quoteReplacement("{{" + placeholderName(i) + "}}"));
    }
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s.:;,!?]+$", "").strip();
  }

  /** The key as a whole word, any case; {@code _} in the key also matches spaces and dashes. */
  private static Pattern keyPattern(String key) {
    List<String> parts = new ArrayList<>();
    for (String part : key.split("_", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile("(?<![\\w{-])" + String.join("[\\s_-]+", parts) + "(?![\\w}-])", Pattern.CASE_INSENSITIVE);
  }

  private static String extra(ExtractionTask task) {
    if (task.schema() == null) {
      return "none";
    }
    return task.extraKeysAllowed() ? "open" : "closed";
  }
}
