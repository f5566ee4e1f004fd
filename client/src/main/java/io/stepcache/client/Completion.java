package io.stepcache.client;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * The answer of {@code POST /api/v1/completions}. Properties the client does not know (added by a newer server) are
 * ignored; enumerations it does not know read as {@code UNKNOWN}.
 *
 * @param output the stitched answer text
 * @param answer the task's final answer as JSON ({@code {"x":5}}, the extracted object), {@link JsonValue#NULL} if none
 * @param path how the cache served it: {@code REUSE}, {@code PATCH}, {@code SKIP} or {@code MISS}
 * @param task the task pack that served it
 * @param verified whether every step and the stitched output passed the pack's rules
 * @param verification how far the answer may be trusted: the weakest of its steps' levels
 * @param steps the answer's steps, in order
 * @param similarity the similarity (0..1) of the cached neighbour used; {@code null} when none was
 * @param usage the tokens the model calls of this request cost (0 for a REUSE)
 * @param latencyMs the time spent in the engine, in milliseconds
 * @param findings what still failed; empty when {@code verified}
 * @param entryId the id of the cached entry the answer was served from (REUSE, PATCH), else {@code null}
 * @param storedEntryId the id of the entry the answer was stored as, else {@code null}
 * @param truncated the answer was cut at a step boundary to the request's {@code maxTokens}
 */
public record Completion(
    String output,
    JsonValue answer,
    CachePath path,
    String task,
    boolean verified,
    TrustLevel verification,
    List<Step> steps,
    Double similarity,
    Usage usage,
    double latencyMs,
    List<String> findings,
    String entryId,
    String storedEntryId,
    boolean truncated) {

  public Completion {
    answer = answer == null ? JsonValue.NULL : answer;
    steps = steps == null ? List.of() : List.copyOf(steps);
    usage = usage == null ? new Usage(0, 0, 0) : usage;
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
