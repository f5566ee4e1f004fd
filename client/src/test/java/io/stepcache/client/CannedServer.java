package io.stepcache.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A tiny HTTP server on the loopback (the JDK's own) that answers every request with the answer it was given last
 * and remembers the request, to test the client over real HTTP without StepCache.
 */
final class CannedServer implements AutoCloseable {

  /** What a test saw arrive. */
  record Received(String method, String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile String body = "{}";
  private volatile Map<String, String> extraHeaders = Map.of();
  private volatile Received last;

  CannedServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the canned server", e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next answers: {@code status} with {@code type} and {@code answer}, plus {@code headers}. */
  void answer(int httpStatus, String type, String answer, Map<String, String> headers) {
    this.status = httpStatus;
    this.contentType = type;
    this.body = answer;
    this.extraHeaders = Map.copyOf(headers);
  }

  /** The last request; fails when none came. */
  Received last() {
    if (last == null) {
      throw new AssertionError("the canned server received no request");
    }
    return last;
  }

  private void answer(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new java.util.HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    last = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, requestBody);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    extraHeaders.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
