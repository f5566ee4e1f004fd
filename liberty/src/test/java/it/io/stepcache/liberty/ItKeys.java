package it.io.stepcache.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IT server's API keys: the administrator key its first start wrote (stepcache-security/admin.key in its
 * server directory, as an operator would read it) and one client key per tenant, issued through the admin API.
 */
final class ItKeys {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Map<String, String> BY_TENANT = new ConcurrentHashMap<>();
  private static volatile String admin;

  private ItKeys() {}

  /** The administrator key (bound to tenant {@code default}). */
  static String admin() {
    if (admin == null) {
      Path file = Path.of(System.getProperty("it.usr.dir", "target/liberty-it/usr"), "servers", "stepcache",
          "stepcache-security", "admin.key");
      try {
        admin = Files.readString(file).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("The IT server wrote no administrator key to " + file, e);
      }
    }
    return admin;
  }

  /** The client key of {@code tenant} (the administrator key for {@code default}), issued on first use. */
  static String forTenant(String tenant) {
    if (tenant == null || tenant.isBlank() || tenant.equals("default")) {
      return admin();
    }
    return BY_TENANT.computeIfAbsent(tenant, t -> issue(t, "client"));
  }

  /** A new key of {@code role} for {@code tenant}. */
  static String issue(String tenant, String role) {
    String body = Json.createObjectBuilder().add("tenant", tenant).add("role", role).add("label", "it").build()
        .toString();
    HttpResponse<String> r = send(HttpRequest.newBuilder(base().resolve("/api/v1/keys"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin())
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(r.statusCode()).as("issuing a key for %s: %s", tenant, r.body()).isEqualTo(201);
    return Api.parse(r.body()).asJsonObject().getString("key");
  }

  /** {@code key} with its last secret character changed: the right id, a wrong secret. */
  static String wrong(String key) {
    return key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
  }

  private static URI base() {
    return URI.create("http://localhost:" + System.getProperty("it.http.port", "9180"));
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
