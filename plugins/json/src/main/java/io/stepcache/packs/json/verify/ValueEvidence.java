package io.stepcache.packs.json.verify;

import io.stepcache.packs.json.text.ContrastCues;
import java.util.List;
import java.util.Optional;

/**
 * What the source text says about one grounded string or number value beyond "it occurs": whether
 * every occurrence is negated or superseded, which single span it comes from (for {@code
 * JSON_VALUE_SHARED}), and what its key's semantic ({@link KeySemantics}) makes of it. Built only
 * for steps whose value is grounded, so each finding adds to grounding rather than repeating it.
 */
public final class ValueEvidence {

  private final int index;
  private final String key;
  private final String valueJson;
  private final boolean negated;
  private final String occurrence;
  private final String semantic;
  private final String implausibility;
  private final String determination;

  private ValueEvidence(int index, String key, String valueJson, boolean negated, String occurrence,
      String semantic, String implausibility, String determination) {
    this.index = index;
    this.key = key;
    this.valueJson = valueJson;
    this.negated = negated;
    this.occurrence = occurrence;
    this.semantic = semantic;
    this.implausibility = implausibility;
    this.determination = determination;
  }

  /** The evidence for {@code value} of step {@code index}; empty unless it is a grounded string or number. */
  static Optional<ValueEvidence> of(int index, String key, Object value, String valueJson, String source) {
    List<int[]> found = Occurrences.of(value, source);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    boolean negated = found.stream().allMatch(o -> ContrastCues.negated(source, o[0], o[1]));
    String occurrence = found.size() == 1 ? found.get(0)[0] + "-" + found.get(0)[1] : null;
    ValueSite site = new ValueSite(value, source, found);
    Optional<Semantic> semantic = KeySemantics.of(key);
    String implausible = semantic.flatMap(s -> s.implausible().apply(site)).orElse(null);
    String determined = semantic.flatMap(s -> s.determined().apply(site)).orElse(null);
    return Optional.of(new ValueEvidence(index, key, valueJson, negated, occurrence,
        semantic.map(Semantic::name).orElse(null), implausible, determined));
  }

  public int getIndex() {
    return index;
  }

  public String getKey() {
    return key;
  }

  public String getValueJson() {
    return valueJson;
  }

  /** True when every occurrence of the value is negated or superseded ("not 5", "down from $55"). */
  public boolean isNegated() {
    return negated;
  }

  /** The value's only span in the source text as {@code start-end}, or {@code null} when it occurs more than once. */
  public String getOccurrence() {
    return occurrence;
  }

  /** The key's semantic ({@code year}, {@code age}...), or {@code null}. */
  public String getSemantic() {
    return semantic;
  }

  /** Why the value is clearly not of its key's kind, or {@code null}. */
  public String getImplausibility() {
    return implausibility;
  }

  /** Why the value is the only one of its kind in the source text, or {@code null}. */
  public String getDetermination() {
    return determination;
  }

  @Override
  public String toString() {
    return "ValueEvidence[" + index + ": " + key + "=" + valueJson + (negated ? ", negated" : "")
        + (semantic == null ? "" : ", " + semantic) + "]";
  }
}
