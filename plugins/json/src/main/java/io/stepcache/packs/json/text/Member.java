package io.stepcache.packs.json.text;

import java.util.Optional;

/**
 * One top-level {@code "key": value} pair as text. The key is read on its own, so a member with a
 * broken value still knows its key.
 *
 * @param key the key, or {@code null} when the text does not start with a JSON string and a colon
 * @param rawValue the text after the colon, trimmed (the whole text when there is no key)
 * @param value the strictly parsed value, or {@code null} when the value is not valid JSON (JSON
 *     {@code null} is {@link org.json.JSONObject#NULL})
 */
public record Member(String key, String rawValue, Object value) {

  /** Reads a member from its text. Never fails: what is broken is left {@code null}. */
  public static Member parse(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("\"")) {
      Optional<Integer> keyEnd = JsonScan.stringEnd(trimmed, 0);
      if (keyEnd.isPresent()) {
        Optional<Object> key = StrictJson.value(trimmed.substring(0, keyEnd.get()));
        String rest = trimmed.substring(keyEnd.get()).stripLeading();
        if (key.isPresent() && rest.startsWith(":")) {
          String raw = rest.substring(1).strip();
          return new Member((String) key.get(), raw, StrictJson.value(raw).orElse(null));
        }
      }
    }
    return new Member(null, trimmed, null);
  }

  /** True when both the key and the value parsed. */
  public boolean parsed() {
    return key != null && value != null;
  }

  /** The canonical step text {@code "key": <compact value>}; only for parsed members. */
  public String text() {
    if (!parsed()) {
      throw new IllegalStateException("Member does not parse: " + rawValue);
    }
    return StrictJson.quote(key) + ": " + StrictJson.compact(value);
  }
}
