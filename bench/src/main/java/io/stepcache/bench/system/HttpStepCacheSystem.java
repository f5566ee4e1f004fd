package io.stepcache.bench.system;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.workload.BenchRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StepCache end to end over HTTP: each request is posted to {@code POST /api/v1/completions} of a
 * running server (the API contract in openapi.yaml) and the response's {@code output}, {@code answer},
 * {@code path}, {@code usage} and {@code latencyMs} are read back. The model runs inside the
 * server (configure it with the same profile; see bench/README.md), so the latency is the measured
 * round trip and model calls are not counted here (the response does not carry them).
 */
public final class HttpStepCacheSystem implements BenchSystem {

  private final HttpClient client;
  private final URI endpoint;
  private final String tenant;
  private final Duration timeout;
  private final String bearer;

  /**
   * @param tenant the tenant every request names
   * @param bearer the API key of that tenant, sent as {@code Authorization: Bearer}, or {@code null} (a server in
   *     dev mode, tenant {@code default})
   */
  public HttpStepCacheSystem(String baseUrl, String tenant, Duration timeout, String bearer) {
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/completions");
    this.tenant = tenant;
    this.timeout = timeout;
    this.bearer = bearer;
  }

  @Override
  public String name() {
    return "stepcache-http";
  }

  /** The request body of section 8. */
  static String body(BenchRequest r, String tenant) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("prompt", r.prompt());
    body.put("task", r.family().task());
    body.put("tenant", tenant);
    if (r.schemaJson() != null) {
      body.put("schema", Json.parse(r.schemaJson()));
    }
    if (!r.requiredKeys().isEmpty()) {
      body.put("requiredKeys", r.requiredKeys());
    }
    return Json.write(body);
  }

  @Override
  public Served serve(BenchRequest request) {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(request, tenant)));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    HttpRequest http = b.build();
    HttpResponse<String> response;
    try {
      response = client.send(http, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ServerUnreachableException("POST " + endpoint + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerUnreachableException("interrupted while waiting for " + endpoint, e);
    }
    if (response.statusCode() != 200) {
      return Served.error("HTTP " + response.statusCode() + ": " + response.body(), 0, 0);
    }
    return parse(response.body());
  }

  /** Reads a section-8 response body. */
  @SuppressWarnings("unchecked")
  static Served parse(String json) {
    Map<String, Object> m = (Map<String, Object>) Json.parse(json);
    Object answer = m.get("answer");
    String answerJson = answer == null || answer == Json.NULL ? null : Json.write(answer);
    Map<String, Object> usage = m.get("usage") instanceof Map<?, ?> u ? (Map<String, Object>) u : Map.of();
    long prompt = number(usage.get("promptTokens"));
    long completion = number(usage.get("completionTokens"));
    if (prompt == 0 && completion == 0) {
      prompt = number(usage.get("totalTokens"));
    }
    String path = String.valueOf(m.get("path"));
    Double similarity = m.get("similarity") instanceof BigDecimal s ? s.doubleValue() : null;
    Boolean verified = m.get("verified") instanceof Boolean b ? b : null;
    Double latency = m.get("latencyMs") instanceof BigDecimal l ? l.doubleValue() : null;
    String output = m.get("output") instanceof String s ? s : "";
    boolean fromCache = path.equals("REUSE") || path.equals("PATCH");
    int calls = -1; // the response does not say; reports count requests with tokens as reaching the model
    return new Served(output, answerJson, path, fromCache, prompt, completion, calls, similarity, verified, 0, latency);
  }

  private static long number(Object o) {
    return o instanceof BigDecimal d ? d.longValue() : 0;
  }

  /** The server could not be reached at all: the run stops with this message. */
  public static final class ServerUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
