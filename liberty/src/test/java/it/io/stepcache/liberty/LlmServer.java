package it.io.stepcache.liberty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real llama-server that the build starts for the integration tests
 * (tools/llm-server/llm-server.sh, exec-maven-plugin in pre-integration-test), on 127.0.0.1.
 */
final class LlmServer {

  private LlmServer() {}

  static int port() {
    return Integer.getInteger("llm.port", 8091);
  }

  /** The OpenAI-compatible base URL, {@code http://127.0.0.1:8091/v1}. */
  static String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  static boolean healthy() {
    try {
      HttpResponse<Void> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/health")).timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Skips the calling test when the model server is not running, unless the build requires it
   * ({@code -Dllm.required=true}, set by the "ci" profile when CI=true): then the test fails.
   */
  static void assumeRunning() {
    if (healthy()) {
      return;
    }
    String why = "the model server is not running on 127.0.0.1:" + port()
        + (Boolean.getBoolean("llm.skip") ? " (-Dllm.skip=true)" : " (see the [llm-server] messages of this build)");
    if (Boolean.getBoolean("llm.required")) {
      Assertions.fail("Required: " + why);
    }
    Assumptions.abort("Skipped: " + why);
  }
}
