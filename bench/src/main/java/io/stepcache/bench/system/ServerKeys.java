package io.stepcache.bench.system;

import io.stepcache.bench.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Keys for a benchmark against a running server: every call to StepCache needs an API key bound to the tenant it
 * is made for, so a run given an administrator key ({@code --api-key}) issues one client key per fresh tenant
 * through {@code POST /api/v1/keys}, as an operator would.
 */
public final class ServerKeys {

  private ServerKeys() {}

  /**
   * Issues a client key of {@code tenant}.
   *
   * @param base the server's base URL
   * @param adminKey an administrator key
   * @throws IllegalStateException naming the status and the server's answer when the key is refused
   */
  public static String issue(URI base, String adminKey, String tenant, Duration timeout) {
    URI keys = URI.create(base.toString().replaceAll("/+$", "") + "/api/v1/keys");
    HttpRequest request = HttpRequest.newBuilder(keys).timeout(timeout)
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminKey)
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("tenant", tenant, "label", "stepbench"))))
        .build();
    HttpResponse<String> r;
    try {
      r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new HttpStepCacheSystem.ServerUnreachableException("POST " + keys + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpStepCacheSystem.ServerUnreachableException("interrupted while issuing a key at " + keys, e);
    }
    if (r.statusCode() != 201) {
      throw new IllegalStateException("The server refused to issue a key for tenant " + tenant + " (HTTP "
          + r.statusCode() + "): " + r.body() + ". --api-key (or STEPCACHE_API_KEY) must be an administrator key,"
          + " e.g. the server's stepcache-security/admin.key");
    }
    Object key = ((Map<?, ?>) Json.parse(r.body())).get("key");
    if (!(key instanceof String s)) {
      throw new IllegalStateException("POST " + keys + " answered 201 without a key: " + r.body());
    }
    return s;
  }
}
