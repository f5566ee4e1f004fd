package io.stepcache.spi;

import java.util.List;
import java.util.Objects;

/**
 * One request as a pack sees it. The tenant is deliberately absent: packs never need it, and the
 * engine keeps tenants apart in every cache key.
 *
 * @param prompt the user's prompt, never blank
 * @param schemaJson a JSON Schema as JSON text, or {@code null}
 * @param requiredKeys keys the answer must contain (json pack), never {@code null}
 */
public record TaskRequest(String prompt, String schemaJson, List<String> requiredKeys) {

  public TaskRequest {
    Objects.requireNonNull(prompt, "prompt");
    requiredKeys = requiredKeys == null ? List.of() : List.copyOf(requiredKeys);
  }

  /** A request with only a prompt. */
  public static TaskRequest of(String prompt) {
    return new TaskRequest(prompt, null, List.of());
  }
}
