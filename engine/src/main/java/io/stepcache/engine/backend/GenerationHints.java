package io.stepcache.engine.backend;

import io.stepcache.engine.Conversation;
import java.util.List;

/**
 * What a backend may use besides the prompt, per call. Every field is optional; a backend that
 * cannot use a hint ignores it.
 *
 * @param tenant the tenant the call is made for, or {@code null}; an OpenAI-compatible backend may
 *     derive a per-tenant {@code cache_salt} from it so tenants never share a server's prefix cache
 * @param responseSchemaJson a JSON Schema (JSON text) the answer must meet, or {@code null}; an
 *     OpenAI-compatible backend passes it as {@code response_format: json_schema}
 * @param resumableSteps the leading steps of a cached answer, in order, whose state the server
 *     keeps at a step checkpoint (docs/architecture.md, "Step checkpoints"); a backend that can resume skips the
 *     prefill of these steps when the prompt contains them. Empty: nothing to resume. The
 *     simulated backend honours it; the OpenAI-compatible backend ignores it.
 * @param conversation the chat the prompt follows (system prompt, earlier turns); a chat backend sends its turns
 *     as messages before the prompt, a completion backend puts them before it. Never {@code null}.
 */
public record GenerationHints(
    String tenant, String responseSchemaJson, List<String> resumableSteps, Conversation conversation) {

  /** No hints. */
  public static final GenerationHints NONE = new GenerationHints(null, null, List.of(), Conversation.NONE);

  public GenerationHints {
    resumableSteps = resumableSteps == null ? List.of() : List.copyOf(resumableSteps);
    conversation = conversation == null ? Conversation.NONE : conversation;
  }

  /** Hints without resumable state or conversation. */
  public GenerationHints(String tenant, String responseSchemaJson) {
    this(tenant, responseSchemaJson, List.of(), Conversation.NONE);
  }

  /** Hints without resumable state. */
  public GenerationHints(String tenant, String responseSchemaJson, Conversation conversation) {
    this(tenant, responseSchemaJson, List.of(), conversation);
  }

  /** These hints with {@code steps} as the resumable state. */
  public GenerationHints withResumableSteps(List<String> steps) {
    return new GenerationHints(tenant, responseSchemaJson, steps, conversation);
  }
}
