package it.io.stepcache.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A small HTTP client for the StepCache API of the managed Liberty (black-box, over the network). */
final class Api {

  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();

  Api() {
    this.base = URI.create("http://localhost:" + System.getProperty("it.http.port", "9180"));
  }

  /** A tenant no earlier run has used (the IT server keeps its cache between runs). */
  static String freshTenant(String name) {
    return "it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A GET without any credential. */
  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** A GET with an API key ({@code null}: none). */
  HttpResponse<String> get(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b);
  }

  /** Any request with an API key ({@code null}: none). */
  HttpResponse<String> send(String method, String path, String contentType, byte[] body, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b);
  }

  /** A JSON POST asking for {@code accept} with an API key. */
  HttpResponse<String> sendAccepting(String accept, String path, byte[] body, String key) {
    return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", JSON).header("Accept", accept).header("Authorization", "Bearer " + key));
  }

  /**
   * A POST with the key of the tenant its body names ({@link ItKeys#forTenant}; the administrator's, bound to
   * {@code default}, when it names none or is not JSON): what a client of that tenant sends.
   */
  HttpResponse<String> post(String path, String contentType, String body) {
    return send("POST", path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ItKeys.forTenant(tenantIn(body)));
  }

  private static String tenantIn(String body) {
    try {
      JsonStructure json = parse(body);
      return json instanceof JsonObject o && o.get("tenant") instanceof jakarta.json.JsonString t ? t.getString() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** A CORS preflight for a POST with JSON and a key from {@code origin}. */
  HttpResponse<String> preflight(String path, String origin) {
    return send(HttpRequest.newBuilder(base.resolve(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin).header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type"));
  }

  /** A POST without any credential. */
  HttpResponse<String> postAnonymous(String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return http.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request body with prompt, task and tenant, plus optional required keys / schema. */
  static JsonObjectBuilder request(String tenant, String task, String prompt) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("prompt", prompt).add("tenant", tenant);
    if (task != null) {
      b.add("task", task);
    }
    return b;
  }

  static JsonObjectBuilder withKeys(JsonObjectBuilder b, List<String> keys) {
    return b.add("requiredKeys", Json.createArrayBuilder(keys));
  }

  /** POSTs a completion that must succeed; returns the body. */
  JsonObject complete(JsonObjectBuilder request) {
    JsonObject body = request.build();
    HttpResponse<String> r = post("/api/v1/completions", JSON, body.toString());
    assertThat(r.statusCode()).as("status of %s -> %s", body, r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(JSON));
    JsonObject o = parse(r.body()).asJsonObject();
    assertThat(o.keySet()).as("response fields of %s", body)
        .contains("output", "answer", "path", "task", "verified", "steps", "similarity", "usage", "latencyMs");
    return o;
  }

  /** POSTs a completion that must fail with {@code status} and {@code code}; returns the problem. */
  JsonObject problem(String contentType, String body, int status, String code) {
    HttpResponse<String> r = post("/api/v1/completions", contentType, body);
    return assertProblem(r, status, code);
  }

  static JsonObject assertProblem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as("status, body %s", r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(PROBLEM));
    JsonObject p = parse(r.body()).asJsonObject();
    assertThat(p.getString("code")).isEqualTo(code);
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(p.getString("type")).isEqualTo("https://stepcache.io/problems/" + code.toLowerCase().replace('_', '-'));
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("detail")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    return p;
  }

  static JsonStructure parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.read();
    }
  }

  /**
   * Sends {@code request} until it comes back REUSE (at most 30 s): the steps of a grounded pack are
   * reused only once the server's trust worker (or an agreeing PATCH) has confirmed them.
   */
  JsonObject untilReuse(JsonObjectBuilder request) {
    JsonObject body = request.build();
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (true) {
      JsonObject r = complete(Json.createObjectBuilder(body));
      if (path(r).equals("REUSE") || System.nanoTime() > deadline) {
        return r;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a confirmed entry", e);
      }
    }
  }

  static String path(JsonObject response) {
    return response.getString("path");
  }

  static JsonArray steps(JsonObject response) {
    return response.getJsonArray("steps");
  }

  static long totalTokens(JsonObject response) {
    return response.getJsonObject("usage").getJsonNumber("totalTokens").longValue();
  }
}
