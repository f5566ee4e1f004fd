package io.stepcache.engine;

import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.TaskRequest;
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
 * @param options the pack-specific options the pack sees in {@link TaskRequest#options()}, never
 *     {@code null}; the native API's {@code schema} and {@code requiredKeys} are the options {@link
 *     TaskRequest#SCHEMA} and {@link TaskRequest#REQUIRED_KEYS}
 * @param model model name passed to the backend, or {@code null} for the configured one
 * @param temperature sampling temperature, or {@code null}
 * @param maxTokens the answer's token limit, or {@code null}: none beyond the configured output limit. The
 *     model is still asked for the whole answer (so it can be verified and cached); a longer answer is cut
 *     at a step boundary ({@link CompletionResult#truncated()})
 * @param conversation the chat before the prompt (system prompt, earlier turns): the model sees it and the
 *     cache keys on it; never {@code null}
 * @param cache what the request asks of the cache; never {@code null}
 */
public record CompletionRequest(
    String prompt,
    String task,
    String tenant,
    RequestOptions options,
    String model,
    Double temperature,
    Integer maxTokens,
    Conversation conversation,
    CacheDirectives cache) {

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
    options = options == null ? RequestOptions.none() : options;
    conversation = conversation == null ? Conversation.NONE : conversation;
    cache = cache == null ? CacheDirectives.DEFAULT : cache;
  }

  /** A single-turn request with the default cache directives. */
  public CompletionRequest(String prompt, String task, String tenant, RequestOptions options, String model,
      Double temperature, Integer maxTokens) {
    this(prompt, task, tenant, options, model, temperature, maxTokens, Conversation.NONE, CacheDirectives.DEFAULT);
  }

  /**
   * A request with the native API's json-pack fields: {@code schemaJson} (JSON text, or {@code
   * null}) and {@code requiredKeys} (or empty) become the options {@link TaskRequest#SCHEMA} and
   * {@link TaskRequest#REQUIRED_KEYS}, exactly as {@link TaskRequest}'s 1.0 constructor maps them.
   */
  public CompletionRequest(String prompt, String task, String tenant, String schemaJson, List<String> requiredKeys,
      String model, Double temperature, Integer maxTokens) {
    this(prompt, task, tenant, nativeOptions(schemaJson, requiredKeys), model, temperature, maxTokens);
  }

  /** A request with a prompt and an optional task, for the default tenant. */
  public static CompletionRequest of(String prompt, String task) {
    return new CompletionRequest(prompt, task, null, RequestOptions.none(), null, null, null);
  }

  /** The option {@link TaskRequest#SCHEMA} (also a hint for backends with structured output), or {@code null}. */
  public String schemaJson() {
    return options.string(TaskRequest.SCHEMA).orElse(null);
  }

  /** The option {@link TaskRequest#REQUIRED_KEYS}, or an empty list. */
  public List<String> requiredKeys() {
    return options.strings(TaskRequest.REQUIRED_KEYS);
  }

  /** The request as the pack sees it: the prompt and the options. */
  public TaskRequest taskRequest() {
    return new TaskRequest(prompt, options);
  }

  /** The same request for another tenant. */
  public CompletionRequest withTenant(String newTenant) {
    return new CompletionRequest(prompt, task, newTenant, options, model, temperature, maxTokens, conversation,
        cache);
  }

  /** The same request with other cache directives. */
  public CompletionRequest withCache(CacheDirectives newCache) {
    return new CompletionRequest(prompt, task, tenant, options, model, temperature, maxTokens, conversation,
        newCache);
  }

  /** The same request after {@code newConversation}. */
  public CompletionRequest withConversation(Conversation newConversation) {
    return new CompletionRequest(prompt, task, tenant, options, model, temperature, maxTokens, newConversation,
        cache);
  }

  /** {@code null} and an empty list set nothing, so a request without them has no options. */
  private static RequestOptions nativeOptions(String schemaJson, List<String> requiredKeys) {
    RequestOptions options = RequestOptions.none().with(TaskRequest.SCHEMA, schemaJson);
    return requiredKeys == null || requiredKeys.isEmpty()
        ? options
        : options.with(TaskRequest.REQUIRED_KEYS, List.copyOf(requiredKeys));
  }
}
