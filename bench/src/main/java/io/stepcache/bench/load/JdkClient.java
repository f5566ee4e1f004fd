package io.stepcache.bench.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A {@link LoadClient} on a shared {@code java.net.http.HttpClient} (HTTP/1.1; the client pools connections). */
final class JdkClient implements LoadClient {

  private final HttpClient client;
  private final URI base;
  private final Duration timeout;
  private final String bearer;

  JdkClient(HttpClient client, URI base, Duration timeout, String bearer) {
    this.client = client;
    this.base = base;
    this.timeout = timeout;
    this.bearer = bearer;
  }

  @Override
  public Reply post(String path, byte[] body) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    HttpRequest request = b.build();
    try {
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r.statusCode(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  @Override
  public void close() {}
}
