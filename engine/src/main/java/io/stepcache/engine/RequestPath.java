package io.stepcache.engine;

/** The path a request took (docs/architecture.md, "The request pipeline"). Part of the public API: do not rename. */
public enum RequestPath {
  /** A cached neighbour was found and every step passed verification: no model call. */
  REUSE,
  /** Some reused steps failed; only those were regenerated or repaired. */
  PATCH,
  /** A neighbour exists but the change is semantic: full generation. */
  SKIP,
  /** No neighbour for this tenant and task: full generation. */
  MISS
}
