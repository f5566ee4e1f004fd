package io.stepcache.packs.json.verify;

/**
 * Guard fact: the type of one key in the cached and in the fresh signature (keys are compared by
 * name: steps are reused under their literal key only, so a key only one side names is no type
 * change).
 */
public final class KeyPositionShape {

  /** Signature features {@code type.name}, {@code type.age}... carry each key's types. */
  public static final String TYPE_FEATURE_PREFIX = "type.";

  private final String position;
  private final String cachedType;
  private final String freshType;

  /**
   * @param position the key name, e.g. {@code age}
   * @param cachedType types of the cached request's key there ({@code any} when unconstrained)
   * @param freshType types of the new request's key there
   */
  public KeyPositionShape(String position, String cachedType, String freshType) {
    this.position = position;
    this.cachedType = cachedType;
    this.freshType = freshType;
  }

  public String getPosition() {
    return position;
  }

  public String getCachedType() {
    return cachedType;
  }

  public String getFreshType() {
    return freshType;
  }

  @Override
  public String toString() {
    return "KeyPositionShape[" + position + ": " + cachedType + " -> " + freshType + "]";
  }
}
