package io.stepcache.packs.json.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys an instruction names. Explicit lists are read first: a parenthesised list ("JSON (name,
 * email)"), a list after "keys"/"fields" ("with keys title, year") or after "JSON with" ("JSON with
 * name and age"). Only when the request names its keys nowhere else is the looser verb form tried
 * ("Extract name and age as JSON").
 */
final class PromptKeys {

  private static final String END =
      "(?=\\s*[.;](?:\\s|$)|\\s*$|\\s+(?:from|for|in|of|out of|using|based on|given|as|into)\\b)";
  private static final Pattern PARENTHESISED = Pattern.compile("\\(([^()]+)\\)");
  private static final Pattern AFTER_KEY_WORD = Pattern.compile(
      "(?i)\\b(?:keys?|fields?|properties|attributes|columns)\\b\\s*:?\\s*(.+?)" + END);
  private static final Pattern AFTER_JSON_WITH = Pattern.compile(
      "(?i)\\bjson(?:\\s+object)?\\s+(?:with|containing|having|holding)\\s+(.+?)" + END);
  private static final Pattern AFTER_VERB = Pattern.compile(
      "(?i)\\b(?:extract|get|pull out|pull|give me|return|list|find|output|produce|capture|parse"
          + "|provide|identify)\\s+(.+?)(?=\\s+(?:as|in|into|from|to|of|for|using|with)\\b|[.;]|$)");
  private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,|;|&|/|\\band\\b)\\s*");
  private static final Pattern LEADING_ARTICLE =
      Pattern.compile("(?i)^(?:the|a|an|their|its|his|her|our|your)\\s+");
  private static final Pattern KEY_WORDS = Pattern.compile("[A-Za-z_][\\w.-]*(?:\\s+[A-Za-z_][\\w.-]*){0,2}");
  private static final Set<String> NOT_KEYS = Set.of(
      "json", "object", "schema", "data", "details", "detail", "info", "information", "contact",
      "fields", "field", "keys", "key", "values", "value", "text", "content", "everything", "all",
      "it", "them", "this", "that", "following", "entities", "result", "results", "output", "me");

  private PromptKeys() {}

  /**
   * The keys {@code instruction} names, in order of appearance, multi-word names joined with
   * {@code _}.
   *
   * @param explicitOnly when true, only explicit lists count (the request names keys elsewhere)
   */
  static List<String> named(String instruction, boolean explicitOnly) {
    List<Pattern> patterns = new ArrayList<>(List.of(PARENTHESISED, AFTER_KEY_WORD, AFTER_JSON_WITH));
    if (!explicitOnly) {
      patterns.add(AFTER_VERB);
    }
    for (Pattern pattern : patterns) {
      Set<String> keys = new LinkedHashSet<>();
      Matcher m = pattern.matcher(instruction);
      while (m.find()) {
        keys.addAll(keysOf(m.group(1)));
      }
      if (!keys.isEmpty()) {
        return List.copyOf(keys);
      }
    }
    return List.of();
  }

  /**
   * The keys of one list, or none when any item is no key (the match was prose, not a list). A
   * list of one item must be a single word, so "(see below)" is not read as a key.
   */
  private static List<String> keysOf(String list) {
    List<String> items = new ArrayList<>();
    for (String item : SEPARATOR.split(list.strip())) {
      String name = LEADING_ARTICLE.matcher(item.replaceAll("[\"'`“”]", "").strip()).replaceFirst("");
      name = name.replaceAll("[.:!?]+$", "");
      if (!name.isEmpty()) {
        items.add(name);
      }
    }
    boolean oneMultiWordItem = items.size() == 1 && items.get(0).contains(" ");
    if (items.isEmpty() || oneMultiWordItem || !items.stream().allMatch(PromptKeys::isKeyLike)) {
      return List.of();
    }
    return items.stream().map(name -> name.replaceAll("\\s+", "_")).toList();
  }

  private static boolean isKeyLike(String name) {
    if (!KEY_WORDS.matcher(name).matches()) {
      return false;
    }
    for (String word : name.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (NOT_KEYS.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
