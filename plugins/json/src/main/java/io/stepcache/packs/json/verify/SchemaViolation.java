package io.stepcache.packs.json.verify;

/** One leaf error Everit reported for the answer object. */
public final class SchemaViolation {

  private final String key;
  private final String missingKey;
  private final String message;

  /**
   * @param key the top-level key the error is about (the first segment of its JSON pointer, or the
   *     extraneous key of an {@code additionalProperties} error on the object), or {@code null}
   * @param missingKey the key a {@code required} error on the object names, or {@code null}
   * @param message Everit's message, with its JSON pointer
   */
  public SchemaViolation(String key, String missingKey, String message) {
    this.key = key;
    this.missingKey = missingKey;
    this.message = message;
  }

  public String getKey() {
    return key;
  }

  public String getMissingKey() {
    return missingKey;
  }

  public String getMessage() {
    return message;
  }

  @Override
  public String toString() {
    return "SchemaViolation[" + message + "]";
  }
}
