package io.stepcache.client;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The body of {@code POST /api/v1/completions}. Only {@code prompt} is required; {@code null} fields are not sent and
 * take the server's defaults. The server checks every field (a blank prompt is {@code PROMPT_EMPTY}, ...).
 *
 * @param prompt the request text
 * @param task the task pack's id ({@code math-linear}, {@code json}, ...); {@code null}: detected from the prompt
 * @param tenant the cache partition; {@code null}: the API key's tenant (naming another one is refused, 403)
 * @param schema a JSON Schema the answer must meet (json pack)
 * @param requiredKeys keys the answer must contain (json pack)
 * @param model the model name passed to the backend
 * @param temperature the sampling temperature, 0 to 2
 * @param maxTokens the output token limit per model call
 */
public record CompletionRequest(
    String prompt,
    String task,
    String tenant,
    JsonObject schema,
    List<String> requiredKeys,
    String model,
    Double temperature,
    Integer maxTokens) {

  public CompletionRequest {
    requiredKeys = requiredKeys == null ? null : List.copyOf(requiredKeys);
  }

  /** A prompt whose task the server detects. */
  public static CompletionRequest of(String prompt) {
    return of(prompt, null);
  }

  /** A prompt for the task pack {@code task}. */
  public static CompletionRequest of(String prompt, String task) {
    return new CompletionRequest(prompt, task, null, null, null, null, null, null);
  }

  /** This request with the keys its answer must contain (json pack). */
  public CompletionRequest withRequiredKeys(List<String> keys) {
    return new CompletionRequest(prompt, task, tenant, schema, keys, model, temperature, maxTokens);
  }

  /** This request with a JSON Schema its answer must meet (json pack). */
  public CompletionRequest withSchema(JsonObject jsonSchema) {
    return new CompletionRequest(prompt, task, tenant, jsonSchema, requiredKeys, model, temperature, maxTokens);
  }

  /** This request naming its tenant (only the key's own, unless the key is a trusted gateway's). */
  public CompletionRequest withTenant(String tenantId) {
    return new CompletionRequest(prompt, task, tenantId, schema, requiredKeys, model, temperature, maxTokens);
  }
}
