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
 * @param maxTokens the answer's token limit: a longer answer is cut at a step boundary ({@link Completion#truncated()})
 * @param conversation the turns before the prompt (system prompt, earlier turns): the model sees them and the cache
 *     keys on them; {@code null}: none
 */
public record CompletionRequest(
    String prompt,
    String task,
    String tenant,
    JsonObject schema,
    List<String> requiredKeys,
    String model,
    Double temperature,
    Integer maxTokens,
    List<Turn> conversation) {

  /** One turn of the conversation before the prompt. */
  public record Turn(String role, String content) {

    /** A system instruction. */
    public static Turn system(String content) {
      return new Turn("system", content);
    }

    /** An earlier user turn. */
    public static Turn user(String content) {
      return new Turn("user", content);
    }

    /** An earlier assistant turn. */
    public static Turn assistant(String content) {
      return new Turn("assistant", content);
    }
  }

  // one constructor only: JSON-B (Yasson) reads a record through its canonical constructor and refuses several
  public CompletionRequest {
    requiredKeys = requiredKeys == null ? null : List.copyOf(requiredKeys);
    conversation = conversation == null ? null : List.copyOf(conversation);
  }


  /** A prompt whose task the server detects. */
  public static CompletionRequest of(String prompt) {
    return of(prompt, null);
  }

  /** A prompt for the task pack {@code task}. */
  public static CompletionRequest of(String prompt, String task) {
    return new CompletionRequest(prompt, task, null, null, null, null, null, null, null);
  }

  /** This request with the keys its answer must contain (json pack). */
  public CompletionRequest withRequiredKeys(List<String> keys) {
    return new CompletionRequest(prompt, task, tenant, schema, keys, model, temperature, maxTokens, conversation);
  }

  /** This request with a JSON Schema its answer must meet (json pack). */
  public CompletionRequest withSchema(JsonObject jsonSchema) {
    return new CompletionRequest(prompt, task, tenant, jsonSchema, requiredKeys, model, temperature, maxTokens,
        conversation);
  }

  /** This request naming its tenant (only the key's own, unless the key is a trusted gateway's). */
  public CompletionRequest withTenant(String tenantId) {
    return new CompletionRequest(prompt, task, tenantId, schema, requiredKeys, model, temperature, maxTokens,
        conversation);
  }

  /** This request after the turns {@code turns} (a system prompt, earlier turns). */
  public CompletionRequest withConversation(List<Turn> turns) {
    return new CompletionRequest(prompt, task, tenant, schema, requiredKeys, model, temperature, maxTokens, turns);
  }
}
