package io.stepcache.backend.openai;

import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.TextSink;
import io.stepcache.engine.backend.Tokens;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client for any OpenAI-compatible chat-completions server (vLLM, llama.cpp's llama-server,
 * Ollama, TGI, hosted APIs), on {@code java.net.http}. One user message per call; the answer as one
 * JSON object or as server-sent events ({@link OpenAiSettings#stream()}).
 *
 * <ul>
 *   <li>Connection errors, HTTP 429 and HTTP 5xx are retried up to {@link
 *       OpenAiSettings#maxRetries()} times with doubling backoff (or the server's {@code
 *       Retry-After}); then the call fails with {@code BACKEND_FAILED} ({@code BACKEND_TIMEOUT} when
 *       the connection itself timed out).
 *   <li>{@link OpenAiSettings#readTimeout()} bounds each attempt from sending to the last byte of
 *       the answer; past it: {@code BACKEND_TIMEOUT}, not retried.
 *   <li>Any other HTTP error: {@code BACKEND_FAILED} with the server's message. An answer that is
 *       not a chat completion: {@code BACKEND_FAILED}, not retried.
 *   <li>{@code finish_reason: length} marks the generation truncated. Tokens come from the
 *       server's {@code usage}; a server that reports none is counted with {@link Tokens}.
 *   <li>A request's JSON Schema goes out as {@code response_format: json_schema}; a server that
 *       refuses it with 400/422 is asked once more without it. The tenant becomes a salted {@code
 *       cache_salt} when {@link OpenAiSettings#cacheSalt()} is on.
 * </ul>
 *
 * Thread-safe. The API key is sent as a bearer token and never logged.
 */
public final class OpenAiBackend implements Backend {

  private static final Logger LOG = Logger.getLogger(OpenAiBackend.class.getName());

  /** Largest answer body read (a bigger one fails the call). */
  static final int MAX_BODY_BYTES = 8 << 20;

  private final OpenAiSettings settings;
  private final HttpClient http;
  private final ScheduledExecutorService watchdog;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicBoolean schemaRefusalLogged = new AtomicBoolean();

  public OpenAiBackend(OpenAiSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stepcache-openai-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public Generation generate(GenerationRequest request) {
    return generate(request, null);
  }

  /**
   * Streams the generation from the server (server-sent events, whatever {@link OpenAiSettings#stream()} says): each
   * content piece goes to {@code sink} as it is read. When the sink cancels, the stream is closed at once, which
   * closes the connection; servers (llama.cpp, vLLM) stop generating for a closed connection.
   */
  @Override
  public Generation stream(GenerationRequest request, TextSink sink) {
    return generate(request, Objects.requireNonNull(sink, "sink"));
  }

  private Generation generate(GenerationRequest request, TextSink sink) {
    calls.incrementAndGet();
    long t0 = System.nanoTime();
    try {
      Generation g = generateOnce(request, sink);
      LOG.log(Level.FINE, () -> String.format(Locale.ROOT, "backend call: %.2f ms, %d+%d tokens%s",
          (System.nanoTime() - t0) / 1e6, g.promptTokens(), g.completionTokens(), g.truncated() ? ", truncated" : ""));
      return g;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, () -> String.format(Locale.ROOT, "backend call failed after %.2f ms: %s",
          (System.nanoTime() - t0) / 1e6, e.getMessage()));
      throw e;
    }
  }

  private Generation generateOnce(GenerationRequest request, TextSink sink) {
    boolean withSchema = settings.responseFormat() && request.hints().responseSchemaJson() != null;
    try {
      return call(request, withSchema, sink);
    } catch (Refused e) {
      if (withSchema && (e.status == 400 || e.status == 422)) {
        if (schemaRefusalLogged.compareAndSet(false, true)) {
          LOG.warning(() -> "The backend at " + settings.baseUrl() + " refused a request with response_format "
              + "json_schema (HTTP " + e.status + ": " + e.getMessage() + "); such requests are retried without it");
        }
        try {
          return call(request, false, sink);
        } catch (Refused again) {
          throw again.toStepCacheException();
        }
      }
      throw e.toStepCacheException();
    }
  }

  private Generation call(GenerationRequest request, boolean withSchema, TextSink sink) {
    boolean stream = sink != null || settings.stream();
    String body = ChatProtocol.requestBody(settings, request, withSchema, stream);
    HttpRequest.Builder b = HttpRequest.newBuilder(settings.chatCompletionsUri())
        .timeout(settings.readTimeout())
        .header("Content-Type", "application/json")
        .header("Accept", stream ? "text/event-stream" : "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (settings.apiKey() != null) {
      b.header("Authorization", "Bearer " + settings.apiKey());
    }
    HttpRequest httpRequest = b.build();
    for (int attempt = 0; ; attempt++) {
      boolean last = attempt >= settings.maxRetries();
      HttpResponse<InputStream> response;
      try {
        response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpConnectTimeoutException e) {
        if (!last) {
          retry(attempt, null, "connect timeout");
          continue;
        }
        throw new StepCacheException(ErrorCode.BACKEND_TIMEOUT, "Could not connect to the backend at "
            + settings.baseUrl() + " within " + settings.connectTimeout().toMillis() + " ms (" + attempts(attempt)
            + ")", e);
      } catch (HttpTimeoutException e) {
        throw timeout(e);
      } catch (IOException e) {
        if (!last) {
          retry(attempt, null, describe(e));
          continue;
        }
        throw new StepCacheException(ErrorCode.BACKEND_FAILED, "Cannot reach the backend at " + settings.baseUrl()
            + ": " + describe(e) + " (" + attempts(attempt) + ")", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StepCacheException(ErrorCode.BACKEND_FAILED, "Interrupted while calling the backend", e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return read(response, request, sink);
      }
      String message = ChatProtocol.errorMessage(readError(response));
      if (status == 429 || status >= 500) {
        if (!last) {
          retry(attempt, retryAfter(response), "HTTP " + status);
          continue;
        }
        throw new StepCacheException(ErrorCode.BACKEND_FAILED,
            "The backend answered HTTP " + status + " (" + attempts(attempt) + "): " + message);
      }
      throw new Refused(status, message);
    }
  }

  /** A 2xx answer: one JSON object, or server-sent events, read under the watchdog. */
  private Generation read(HttpResponse<InputStream> response, GenerationRequest request, TextSink sink) {
    boolean events = response.headers().firstValue("Content-Type")
        .map(ct -> ct.toLowerCase(Locale.ROOT).startsWith("text/event-stream"))
        .orElse(sink != null || settings.stream());
    AtomicBoolean timedOut = new AtomicBoolean();
    InputStream in = new LimitedInputStream(response.body(), MAX_BODY_BYTES);
    ScheduledFuture<?> alarm = watchdog.schedule(() -> {
      timedOut.set(true);
      closeQuietly(in);
    }, settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    ChatProtocol.Answer answer;
    try (in) {
      if (events) {
        answer = ChatProtocol.parseStream(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), sink);
      } else {
        answer = ChatProtocol.parseCompletion(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (sink != null && !answer.text().isEmpty()) {
          sink.accept(answer.text()); // a server that ignored "stream": the whole text at once
        }
      }
    } catch (IOException e) {
      if (timedOut.get()) {
        throw timeout(e);
      }
      throw new StepCacheException(ErrorCode.BACKEND_FAILED,
          "The backend's answer could not be read: " + describe(e), e);
    } catch (ChatProtocol.BadAnswer e) {
      if (timedOut.get()) {
        throw timeout(e);
      }
      throw new StepCacheException(ErrorCode.BACKEND_FAILED,
          "The backend's answer is not an OpenAI chat completion: " + e.getMessage(), e);
    } finally {
      alarm.cancel(false);
    }
    long promptTokens = answer.promptTokens() != null ? answer.promptTokens() : Tokens.count(request.prompt());
    long completionTokens =
        answer.completionTokens() != null ? answer.completionTokens() : Tokens.count(answer.text());
    return new Generation(answer.text(), promptTokens, completionTokens, "length".equals(answer.finishReason()));
  }

  private String readError(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while (out.size() < 64 * 1024 && (n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(error body unreadable: " + describe(e) + ")";
    }
  }

  private StepCacheException timeout(Exception cause) {
    return new StepCacheException(ErrorCode.BACKEND_TIMEOUT, "The backend at " + settings.baseUrl()
        + " did not answer within " + settings.readTimeout().toMillis() + " ms (setting readTimeout)", cause);
  }

  private void retry(int attempt, Duration retryAfter, String why) {
    retries.incrementAndGet();
    Duration wait = retryAfter != null
        ? retryAfter
        : settings.backoff().multipliedBy(1L << Math.min(attempt, 20));
    LOG.log(Level.FINE, () -> "Backend call failed (" + why + "); retry " + (attempt + 1) + " of "
        + settings.maxRetries() + " in " + wait.toMillis() + " ms");
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepCacheException(ErrorCode.BACKEND_FAILED, "Interrupted while waiting to retry the backend", e);
    }
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    Optional<String> h = response.headers().firstValue("Retry-After");
    if (h.isEmpty()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(h.get().trim());
      Duration d = Duration.ofSeconds(Math.max(0, seconds));
      return d.compareTo(OpenAiSettings.MAX_RETRY_AFTER) > 0 ? OpenAiSettings.MAX_RETRY_AFTER : d;
    } catch (NumberFormatException e) {
      return null; // an HTTP date: use our own backoff
    }
  }

  private String attempts(int attempt) {
    return (attempt + 1) + (attempt == 0 ? " attempt" : " attempts");
  }

  private static String describe(Throwable e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // closing to unblock a reader; nothing to do
    }
  }

  @Override
  public String name() {
    return "openai";
  }

  /** The settings (the key shows only as set or not in {@code toString}). */
  public OpenAiSettings settings() {
    return settings;
  }

  /** Calls made through {@link #generate}. */
  public long calls() {
    return calls.get();
  }

  /** Retries made so far. */
  public long retries() {
    return retries.get();
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  /** A 4xx other than 429: the server refused this request. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    StepCacheException toStepCacheException() {
      String hint = switch (status) {
        case 401, 403 -> " (check the API key setting)";
        case 404 -> " (check the base URL, which usually ends in /v1, and the model name)";
        default -> "";
      };
      return new StepCacheException(ErrorCode.BACKEND_FAILED,
          "The backend refused the request with HTTP " + status + hint + ": " + getMessage());
    }
  }
}
