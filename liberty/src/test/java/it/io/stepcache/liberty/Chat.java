package it.io.stepcache.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small client for the OpenAI-compatible front door of the managed Liberty. */
final class Chat {

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();

  Chat() {
    this.base = URI.create("http://localhost:" + System.getProperty("it.http.port", "9180"));
  }

  /** A chat completion body with one user message. */
  static JsonObjectBuilder body(String prompt) {
    JsonArrayBuilder messages = Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("role", "user").add("content", prompt));
    return Json.createObjectBuilder().add("model", "any").add("messages", messages);
  }

  /**
   * POSTs {@code body} to {@code path} with headers (name, value, name, value...) and, unless they carry an {@code
   * Authorization} header, the key of the tenant an {@code X-StepCache-Tenant} header names ({@link
   * ItKeys#forTenant}; the administrator's, bound to {@code default}, without one): what that tenant's client sends.
   */
  HttpResponse<String> post(String path, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    String tenant = null;
    boolean authorization = false;
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i + 1] != null) {
        b.header(headers[i], headers[i + 1]);
      }
      tenant = headers[i].equalsIgnoreCase("X-StepCache-Tenant") ? headers[i + 1] : tenant;
      authorization |= headers[i].equalsIgnoreCase("Authorization");
    }
    if (!authorization) {
      b.header("Authorization", "Bearer " + ItKeys.forTenant(tenant));
    }
    return send(b);
  }

  /** A GET with the administrator's key (bound to {@code default}), as an OpenAI client sends its key. */
  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET()
        .header("Authorization", "Bearer " + ItKeys.admin()));
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A chat completion that must succeed; checks the standard shape and returns it. */
  static JsonObject completion(HttpResponse<String> r) {
    assertThat(r.statusCode()).as("status, body %s", r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    JsonObject o = parse(r.body());
    assertThat(o.getString("id")).startsWith("chatcmpl-");
    assertThat(r.headers().firstValue("X-Request-Id")).as("the request id is the completion's").hasValue(o.getString("id"));
    JsonObject served = o.getJsonObject("stepcache");
    assertThat(served.getString("path")).isEqualTo(r.headers().firstValue("X-StepCache-Path").orElseThrow());
    assertThat(served.getBoolean("verified")).isEqualTo(
        Boolean.parseBoolean(r.headers().firstValue("X-StepCache-Verified").orElseThrow()));
    assertThat(o.getString("object")).isEqualTo("chat.completion");
    assertThat(o.getJsonNumber("created").longValue()).isPositive();
    assertThat(o.getString("model")).isNotBlank();
    assertThat(o.getJsonArray("choices")).hasSize(1);
    JsonObject choice = o.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getInt("index")).isZero();
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
    JsonObject usage = o.getJsonObject("usage");
    assertThat(usage.getInt("total_tokens")).isEqualTo(usage.getInt("prompt_tokens") + usage.getInt("completion_tokens"));
    for (String h : List.of("X-StepCache-Path", "X-StepCache-Task", "X-StepCache-Reused-Steps",
        "X-StepCache-Total-Steps", "X-StepCache-Verified")) {
      assertThat(r.headers().firstValue(h)).as(h).isPresent();
    }
    return o;
  }

  static String content(JsonObject completion) {
    return completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  /** The {@code data:} payloads of a server-sent event stream, checked to end with {@code [DONE]}. */
  static List<JsonObject> events(HttpResponse<String> r) {
    assertThat(r.statusCode()).as("status, body %s", r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/event-stream"));
    List<JsonObject> out = new ArrayList<>();
    String[] events = r.body().split("\n\n");
    assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
    for (int i = 0; i < events.length - 1; i++) {
      assertThat(events[i]).startsWith("data: ");
      out.add(parse(events[i].substring("data: ".length())));
    }
    return out;
  }

  /** The content of a stream's chunks, concatenated. */
  static String streamedContent(List<JsonObject> chunks) {
    StringBuilder sb = new StringBuilder();
    for (JsonObject c : chunks) {
      assertThat(c.getString("object")).isEqualTo("chat.completion.chunk");
      if (!c.getJsonArray("choices").isEmpty()) {
        sb.append(c.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content", ""));
      }
    }
    return sb.toString();
  }

  /** An OpenAI error body with this status and code; returns the error object. */
  static JsonObject error(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as("status, body %s", r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    JsonObject e = parse(r.body()).getJsonObject("error");
    assertThat(e).as("error object in %s", r.body()).isNotNull();
    assertThat(e.getString("code")).isEqualTo(code);
    assertThat(e.getString("message")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(e.getString("type")).isEqualTo(
        status == 404 ? "not_found_error" : status >= 500 ? "server_error" : "invalid_request_error");
    assertThat(e.containsKey("param")).isTrue();
    return e;
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
