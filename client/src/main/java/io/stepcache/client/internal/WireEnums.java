package io.stepcache.client.internal;

import io.stepcache.client.CachePath;
import io.stepcache.client.StepOrigin;
import io.stepcache.client.TrustLevel;
import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.Locale;

/**
 * The JSON-B adapters of the client's enumerations: their wire names (upper case, trust levels lower case), and
 * {@code UNKNOWN} for a value a newer server sends that this client does not know, instead of a failed read.
 */
public final class WireEnums {

  private WireEnums() {}

  /** {@link CachePath}: {@code "REUSE"}. */
  public static final class Paths implements JsonbAdapter<CachePath, String> {
    @Override
    public String adaptToJson(CachePath path) {
      return path.name();
    }

    @Override
    public CachePath adaptFromJson(String wire) {
      return parse(CachePath.class, wire, CachePath.UNKNOWN);
    }
  }

  /** {@link StepOrigin}: {@code "REUSED"}. */
  public static final class StepOrigins implements JsonbAdapter<StepOrigin, String> {
    @Override
    public String adaptToJson(StepOrigin origin) {
      return origin.name();
    }

    @Override
    public StepOrigin adaptFromJson(String wire) {
      return parse(StepOrigin.class, wire, StepOrigin.UNKNOWN);
    }
  }

  /** {@link TrustLevel}: {@code "checked"}. */
  public static final class TrustLevels implements JsonbAdapter<TrustLevel, String> {
    @Override
    public String adaptToJson(TrustLevel level) {
      return level.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public TrustLevel adaptFromJson(String wire) {
      return parse(TrustLevel.class, wire, TrustLevel.UNKNOWN);
    }
  }

  static <E extends Enum<E>> E parse(Class<E> type, String wire, E unknown) {
    if (wire == null) {
      return unknown;
    }
    try {
      return Enum.valueOf(type, wire.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException notKnownHere) {
      return unknown;
    }
  }
}
