package io.stepcache.client;

import io.stepcache.client.internal.WireEnums;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** How the cache served a request (README, "the four paths"). */
@JsonbTypeAdapter(WireEnums.Paths.class)
public enum CachePath {
  /** A cached neighbour's steps were rebound and all verified: no model call. */
  REUSE,
  /** Some reused steps failed verification; only those were regenerated or repaired. */
  PATCH,
  /** A neighbour exists, but the pack's rules say reusing it is unsafe: full generation. */
  SKIP,
  /** No neighbour for this tenant and task: full generation. */
  MISS,
  /** A path this client does not know yet (a newer server). */
  UNKNOWN
}
