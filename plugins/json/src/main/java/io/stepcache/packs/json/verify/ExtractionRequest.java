package io.stepcache.packs.json.verify;

import java.util.List;

/** The request as the rules see it: its keys, source text and whether other keys are allowed. */
public final class ExtractionRequest {

  private final List<String> keys;
  private final String sourceText;
  private final boolean extraKeysAllowed;

  /**
   * @param keys the request's keys, in order
   * @param sourceText the text values must come from
   * @param extraKeysAllowed true when the request's schema allows keys it does not name
   */
  public ExtractionRequest(List<String> keys, String sourceText, boolean extraKeysAllowed) {
    this.keys = List.copyOf(keys);
    this.sourceText = sourceText;
    this.extraKeysAllowed = extraKeysAllowed;
  }

  public List<String> getKeys() {
    return keys;
  }

  public String getSourceText() {
    return sourceText;
  }

  public boolean isExtraKeysAllowed() {
    return extraKeysAllowed;
  }

  @Override
  public String toString() {
    return "ExtractionRequest" + keys;
  }
}
