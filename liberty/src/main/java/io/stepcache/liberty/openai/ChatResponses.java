package io.stepcache.liberty.openai;

import io.stepcache.engine.CompletionResult;
import io.stepcache.liberty.rest.CompletionJson;
import io.stepcache.liberty.rest.Jsonp;
import io.stepcache.liberty.rest.RequestIdFilter;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The answer in OpenAI's shapes: one {@code chat.completion} object, or the {@code chat.completion.chunk} events of
 * a stream that sends each verified step as it arrives ({@link OpenAiStream}).
 */
public final class ChatResponses {

  /** Header with the path taken: {@code REUSE}, {@code PATCH}, {@code SKIP} or {@code MISS}. */
  public static final String PATH = "X-StepCache-Path";
  /** Header with the pack id that served the request. */
  public static final String TASK = "X-StepCache-Task";
  /** Header with the similarity of the cached neighbour used (absent on MISS). */
  public static final String SIMILARITY = "X-StepCache-Similarity";
  /** Header with the number of steps served from the cache. */
  public static final String REUSED_STEPS = "X-StepCache-Reused-Steps";
  /** Header with the number of steps of the answer. */
  public static final String TOTAL_STEPS = "X-StepCache-Total-Steps";
  /** Header: {@code true} when every step and the whole answer passed the pack's rules. */
  public static final String VERIFIED = "X-StepCache-Verified";
  /**
   * Header with how far the answer may be trusted: {@code checked}, {@code confirmed}, {@code
   * grounded} or {@code none} (README "Trust").
   */
  public static final String VERIFICATION = "X-StepCache-Verification";

  /** Header with the id of the cached entry the answer was served from (REUSE, PATCH). */
  public static final String ENTRY = "X-StepCache-Entry";
  /** Header with the id of the entry the answer was stored as (absent when nothing was stored). */
  public static final String STORED_ENTRY = "X-StepCache-Stored-Entry";

  /** Header with the request's id, the completion's {@code id} (what OpenAI's {@code x-request-id} is for). */
  public static final String REQUEST_ID = RequestIdFilter.HEADER;

  /** The body member, beside OpenAI's own, that says how the answer was served (clients ignore it). */
  public static final String EXTENSION = "stepcache";

  private ChatResponses() {}

  /** A new completion id. */
  static String newId() {
    return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
  }

  /** The {@code chat.completion} object. */
  static JsonObject completion(String id, long created, String model, CompletionResult r) {
    JsonObject message = Jsonp.createObjectBuilder()
        .add("role", "assistant")
        .add("content", r.output())
        .add("refusal", JsonValue.NULL)
        .build();
    JsonObject choice = Jsonp.createObjectBuilder()
        .add("index", 0)
        .add("message", message)
        .add("logprobs", JsonValue.NULL)
        .add("finish_reason", finishReason(r))
        .build();
    return Jsonp.createObjectBuilder()
        .add("id", id)
        .add("object", "chat.completion")
        .add("created", created)
        .add("model", model)
        .add("choices", Jsonp.createArrayBuilder().add(choice))
        .add("usage", usage(r))
        .add("system_fingerprint", JsonValue.NULL)
        .add(EXTENSION, extension(r))
        .build();
  }

  /** {@code length} when the answer was cut to {@code max_tokens}, else {@code stop}. */
  static String finishReason(CompletionResult r) {
    return r.truncated() ? "length" : "stop";
  }

  /**
   * How the answer was served, in the body as in the headers: path, task, whether and how far it is verified and,
   * when it is not, the failing rules' reasons, so an unverified answer is never mistaken for a verified one.
   */
  static JsonObject extension(CompletionResult r) {
    JsonArrayBuilder findings = Jsonp.createArrayBuilder();
    r.findings().forEach(findings::add);
    return Jsonp.createObjectBuilder()
        .add("path", r.path().name())
        .add("task", r.task())
        .add("verified", r.verified())
        .add("verification", r.verification().wireName())
        .add("reusedSteps", r.reusedSteps())
        .add("totalSteps", r.steps().size())
        .add("findings", findings)
        .add("entryId", Jsonp.stringOrNull(r.entryId()))
        .add("storedEntryId", Jsonp.stringOrNull(r.storedEntryId()))
        .add("truncated", r.truncated())
        .add("timings", CompletionJson.timings(r))
        .build();
  }


  /** The first chunk of a stream: the assistant's role, no content yet. */
  static String roleChunk(String id, long created, String model, boolean includeUsage) {
    return chunk(id, created, model, Jsonp.createObjectBuilder().add("role", "assistant").add("content", ""), null,
        includeUsage, null);
  }

  /** A chunk carrying {@code content}: one verified step's text (and what the stitcher put before it). */
  static String contentChunk(String id, long created, String model, String content, boolean includeUsage) {
    return chunk(id, created, model, Jsonp.createObjectBuilder().add("content", content), null, includeUsage, null);
  }

  /**
   * The last chunk with choices: the finish reason, and how the answer was served ({@value #EXTENSION}: path,
   * verification, findings, entries), known only now.
   */
  static String finishChunk(String id, long created, String model, CompletionResult r, boolean includeUsage) {
    return chunk(id, created, model, Jsonp.createObjectBuilder(), finishReason(r), includeUsage, extension(r));
  }

  /** The chunk with the usage and no choices, sent last when {@code stream_options.include_usage} asked for it. */
  static String usageChunk(String id, long created, String model, CompletionResult r) {
    return Jsonp.createObjectBuilder()
        .add("id", id)
        .add("object", "chat.completion.chunk")
        .add("created", created)
        .add("model", model)
        .add("choices", Jsonp.createArrayBuilder())
        .add("usage", usage(r))
        .build().toString();
  }

  private static String chunk(String id, long created, String model, JsonObjectBuilder delta, String finish,
      boolean includeUsage, JsonObject extension) {
    JsonObjectBuilder choice = Jsonp.createObjectBuilder()
        .add("index", 0)
        .add("delta", delta)
        .add("logprobs", JsonValue.NULL);
    if (finish == null) {
      choice.add("finish_reason", JsonValue.NULL);
    } else {
      choice.add("finish_reason", finish);
    }
    JsonObjectBuilder b = Jsonp.createObjectBuilder()
        .add("id", id)
        .add("object", "chat.completion.chunk")
        .add("created", created)
        .add("model", model)
        .add("choices", Jsonp.createArrayBuilder().add(choice));
    if (includeUsage) {
      b.add("usage", JsonValue.NULL);
    }
    if (extension != null) {
      b.add(EXTENSION, extension);
    }
    return b.build().toString();
  }

  private static JsonObject usage(CompletionResult r) {
    return Jsonp.createObjectBuilder()
        .add("prompt_tokens", r.usage().promptTokens())
        .add("completion_tokens", r.usage().completionTokens())
        .add("total_tokens", r.usage().totalTokens())
        .build();
  }

  /** The headers a stream can send before its first step: path, task, similarity and entry (name, value, ...). */
  static List<String> streamHeaders(String path, String task, Double similarity, String entryId) {
    List<String> h = new ArrayList<>(List.of(PATH, path, TASK, task));
    if (similarity != null) {
      h.add(SIMILARITY);
      h.add(String.format(Locale.ROOT, "%.4f", similarity));
    }
    if (entryId != null) {
      h.add(ENTRY);
      h.add(entryId);
    }
    return h;
  }

  /** The {@code X-StepCache-*} header values, in order: name, value, name, value... */
  static List<String> headers(CompletionResult r) {
    List<String> h = new ArrayList<>(List.of(
        PATH, r.path().name(),
        TASK, r.task(),
        REUSED_STEPS, Long.toString(r.reusedSteps()),
        TOTAL_STEPS, Integer.toString(r.steps().size()),
        VERIFIED, Boolean.toString(r.verified()),
        VERIFICATION, r.verification().wireName()));
    if (r.similarity() != null) {
      h.add(SIMILARITY);
      h.add(String.format(Locale.ROOT, "%.4f", r.similarity()));
    }
    if (r.entryId() != null) {
      h.add(ENTRY);
      h.add(r.entryId());
    }
    if (r.storedEntryId() != null) {
      h.add(STORED_ENTRY);
      h.add(r.storedEntryId());
    }
    return h;
  }

  /** {@code GET /v1/models}: the one model StepCache serves under. */
  static JsonObject models(String model, long created) {
    JsonArrayBuilder data = Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder()
        .add("id", model)
        .add("object", "model")
        .add("created", created)
        .add("owned_by", "stepcache"));
    return Jsonp.createObjectBuilder().add("object", "list").add("data", data).build();
  }
}
