package io.stepcache.backend.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat-completions server.
 *
 * @param baseUrl the API base, e.g. {@code http://127.0.0.1:8090/v1}; {@code /chat/completions} is
 *     appended
 * @param model model name sent when a request names none, or {@code null} to send none (llama.cpp's
 *     server serves its one model whatever the name)
 * @param apiKey sent as {@code Authorization: Bearer ...}, or {@code null}; never logged
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long one call may take from sending the request to the end of the answer;
 *     past it the call fails with {@code BACKEND_TIMEOUT} (not retried)
 * @param maxRetries further attempts after a connection error, HTTP 429 or HTTP 5xx (0: none)
 * @param backoff wait before the first retry; doubled for each further one (a server's
 *     {@code Retry-After} wins, up to {@link #MAX_RETRY_AFTER})
 * @param stream ask for server-sent events ({@code stream: true}) instead of one JSON answer
 * @param responseFormat send a request's JSON Schema as {@code response_format: json_schema}
 * @param cacheSalt send a per-tenant {@code cache_salt} (vLLM: tenants never share prefix-cache
 *     blocks); leave off for servers that reject unknown fields, such as OpenAI's
 */
public record OpenAiSettings(
    URI baseUrl,
    String model,
    String apiKey,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration backoff,
    boolean stream,
    boolean responseFormat,
    boolean cacheSalt) {

  /** Longest wait a server's {@code Retry-After} header can ask for. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  public OpenAiSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL such as http://127.0.0.1:8090/v1, got "
          + baseUrl);
    }
    model = model == null || model.isBlank() ? null : model.trim();
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    positive("connectTimeout", connectTimeout);
    positive("readTimeout", readTimeout);
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 10, got " + maxRetries);
    }
    Objects.requireNonNull(backoff, "backoff");
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative, got " + backoff);
    }
  }

  /**
   * Defaults for a server at {@code baseUrl}: no model name, no key, connect timeout 2 s, read
   * timeout 120 s, 2 retries from 200 ms, no streaming, response_format on, cache_salt off.
   */
  public static OpenAiSettings of(String baseUrl) {
    return new OpenAiSettings(URI.create(baseUrl), null, null, Duration.ofSeconds(2), Duration.ofSeconds(120), 2,
        Duration.ofMillis(200), false, true, false);
  }

  /** The chat-completions endpoint. */
  public URI chatCompletionsUri() {
    String base = baseUrl.toString();
    return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
  }

  public OpenAiSettings withModel(String newModel) {
    return new OpenAiSettings(baseUrl, newModel, apiKey, connectTimeout, readTimeout, maxRetries, backoff, stream,
        responseFormat, cacheSalt);
  }

  public OpenAiSettings withApiKey(String newApiKey) {
    return new OpenAiSettings(baseUrl, model, newApiKey, connectTimeout, readTimeout, maxRetries, backoff, stream,
        responseFormat, cacheSalt);
  }

  public OpenAiSettings withTimeouts(Duration connect, Duration read) {
    return new OpenAiSettings(baseUrl, model, apiKey, connect, read, maxRetries, backoff, stream, responseFormat,
        cacheSalt);
  }

  public OpenAiSettings withRetries(int retries, Duration firstBackoff) {
    return new OpenAiSettings(baseUrl, model, apiKey, connectTimeout, readTimeout, retries, firstBackoff, stream,
        responseFormat, cacheSalt);
  }

  public OpenAiSettings withStream(boolean on) {
    return new OpenAiSettings(baseUrl, model, apiKey, connectTimeout, readTimeout, maxRetries, backoff, on,
        responseFormat, cacheSalt);
  }

  public OpenAiSettings withResponseFormat(boolean on) {
    return new OpenAiSettings(baseUrl, model, apiKey, connectTimeout, readTimeout, maxRetries, backoff, stream, on,
        cacheSalt);
  }

  public OpenAiSettings withCacheSalt(boolean on) {
    return new OpenAiSettings(baseUrl, model, apiKey, connectTimeout, readTimeout, maxRetries, backoff, stream,
        responseFormat, on);
  }

  /** Everything but the key (which shows only whether one is set). */
  @Override
  public String toString() {
    return "OpenAiSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxRetries=" + maxRetries
        + ", backoff=" + backoff + ", stream=" + stream + ", responseFormat=" + responseFormat + ", cacheSalt="
        + cacheSalt + "]";
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
