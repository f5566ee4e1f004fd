package io.stepcache.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request to the engine, as the native API receives it.
 *
 * @param prompt required, non-blank
 * @param task pack id, or {@code null} to detect
 * @param tenant tenant id; {@code null} means {@link #DEFAULT_TENANT}
 * @param schemaJson JSON Schema as JSON text, or {@code null}
 * @param requiredKeys required keys (json pack), never {@code null}
 * @param model model name passed to the backend, or {@code null} for the configured one
 * @param temperature sampling temperature, or {@code null}
 * @param maxTokens output token limit, or {@code null} for the configured one
 */
public record CompletionRequest(
    String prompt,
    String task,
    String tenant,
    String schemaJson,
    List<String> requiredKeys,
    String model,
    Double temperature,
    Integer maxTokens) {

  public static final String DEFAULT_TENANT = "default";

  /** A tenant id: 1-128 letters, digits, '.', '_', '@' or '-', starting with a letter or digit. */
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

  /** What is wrong with {@code tenant} as a tenant id ("must be 1-128 characters ..."), or empty. */
  public static Optional<String> tenantProblem(String tenant) {
    return TENANT.matcher(tenant).matches()
        ? Optional.empty()
        : Optional.of("must be 1-128 characters of letters, digits, '.', '_', '@' or '-'");
  }

  public CompletionRequest {
    Objects.requireNonNull(prompt, "prompt");
    tenant = tenant == null || tenant.isBlank() ? DEFAULT_TENANT : tenant;
    requiredKeys = requiredKeys == null ? List.of() : List.copyOf(requiredKeys);
  }

  /** A request with a prompt and an optional task, for the default tenant. */
  public static CompletionRequest of(String prompt, String task) {
    return new CompletionRequest(prompt, task, null, null, List.of(), null, null, null);
  }

  /** The same request for another tenant. */
  public CompletionRequest withTenant(String newTenant) {
    return new CompletionRequest(
        prompt, task, newTenant, schemaJson, requiredKeys, model, temperature, maxTokens);
  }
}
