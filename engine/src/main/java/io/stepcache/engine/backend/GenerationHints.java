package io.stepcache.engine.backend;

/**
 * What a backend may use besides the prompt, per call. Every field is optional; a backend that
 * cannot use a hint ignores it (the simulated backend ignores all of them).
 *
 * @param tenant the tenant the call is made for, or {@code null}; an OpenAI-compatible backend may
 *     derive a per-tenant {@code cache_salt} from it so tenants never share a server's prefix cache
 * @param responseSchemaJson a JSON Schema (JSON text) the answer must meet, or {@code null}; an
 *     OpenAI-compatible backend passes it as {@code response_format: json_schema}
 */
public record GenerationHints(String tenant, String responseSchemaJson) {

  /** No hints. */
  public static final GenerationHints NONE = new GenerationHints(null, null);
}
