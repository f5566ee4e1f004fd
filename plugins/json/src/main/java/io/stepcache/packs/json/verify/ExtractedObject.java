package io.stepcache.packs.json.verify;

import java.util.List;

/** The stitched answer as a whole: whether it is one valid JSON object, and its schema errors. */
public final class ExtractedObject {

  private final boolean parsed;
  private final List<SchemaViolation> violations;

  /**
   * @param parsed true when the steps make one strict JSON object
   * @param violations Everit's errors for the object (empty without a schema or when unparsed)
   */
  public ExtractedObject(boolean parsed, List<SchemaViolation> violations) {
    this.parsed = parsed;
    this.violations = List.copyOf(violations);
  }

  public boolean isParsed() {
    return parsed;
  }

  public List<SchemaViolation> getViolations() {
    return violations;
  }

  @Override
  public String toString() {
    return "ExtractedObject[" + (parsed ? "parsed" : "unparsed") + ", " + violations.size() + " violation(s)]";
  }
}
