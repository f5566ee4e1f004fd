package it.io.stepcache.liberty;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js client cases that the build installed into {@code target/node-clients}
 * ({@code src/test/node/install.sh}, pre-integration-test): {@code node sdk-cases.mjs <case>} with the front door's
 * base URL and a client key, and returns the JSON line the case printed. Missing Node.js or packages are a failure
 * that says what to install, never a skip: CI must run these.
 */
final class NodeClients {

  private static final long TIMEOUT_SECONDS = 120;

  private final Path dir = Path.of(System.getProperty("it.node.clients.dir", "target/node-clients"));

  /** Fails unless node runs and the openai package is installed. */
  NodeClients requireInstalled() {
    if (!Files.isRegularFile(dir.resolve("node_modules/openai/package.json"))) {
      throw new AssertionError("The openai npm client is not installed in " + dir.toAbsolutePath()
          + ": the build's pre-integration-test step src/test/node/install.sh installs it (needs Node.js 18+ and npm;"
          + " Debian: apt-get install nodejs npm, or build as root). Its log: " + log());
    }
    return this;
  }

  /**
   * Runs one case as the client of {@code tenant}.
   *
   * @return the JSON object the case printed last
   */
  JsonObject run(String caseName, String tenant) {
    ProcessBuilder pb = new ProcessBuilder("node", "sdk-cases.mjs", caseName).directory(dir.toFile())
        .redirectErrorStream(true);
    pb.environment().putAll(Map.of(
        "STEPCACHE_BASE_URL", "http://localhost:" + System.getProperty("it.http.port", "9180") + "/v1",
        "STEPCACHE_API_KEY", ItKeys.forTenant(tenant)));
    try {
      Process node;
      try {
        node = pb.start();
      } catch (IOException e) {
        throw new AssertionError("Cannot run node (Node.js 18+ is required: Debian: apt-get install nodejs npm): "
            + e.getMessage(), e);
      }
      if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new AssertionError("node sdk-cases.mjs " + caseName + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (node.exitValue() != 0) {
        throw new AssertionError("node sdk-cases.mjs " + caseName + " exited " + node.exitValue() + ":\n" + out);
      }
      System.out.println("[openai-npm] " + caseName + ": " + out);
      String[] lines = out.split("\n");
      return Chat.parse(lines[lines.length - 1]);
    } catch (IOException e) {
      throw new AssertionError("reading the output of node sdk-cases.mjs " + caseName, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("install.log")).strip();
    } catch (IOException e) {
      return "(none: " + dir.resolve("install.log") + " missing; did the build's pre-integration-test run?)";
    }
  }
}
