package io.stepcache.bench.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The call made directly: the same chat-completions body StepCache sends ({@link ChatBody}),
 * posted to the model server with {@code java.net.http} (HTTP/1.1, as StepCache's backend) and
 * read to its end. Times are from just before sending: the first content piece (TTFT) and the
 * moment the first element is complete in the raw text ({@link JsonArrayElements}, the pack's own
 * segmentation rule: the second element has begun).
 */
final class DirectCall {

  /**
   * One direct generation.
   *
   * @param ttftMs to the first content piece
   * @param ttfvMs to the first complete element (NaN: none was)
   * @param totalMs to the end of the stream
   * @param chunks content pieces received
   * @param completionTokens the server's usage count, or -1 when it sent none
   * @param finishReason the server's finish reason, or {@code null}
   * @param text the whole generated text
   */
  record Result(double ttftMs, double ttfvMs, double totalMs, int chunks, long completionTokens, String finishReason,
      String text) {}

  private final URI chatCompletions;
  private final HttpClient http;
  private final Duration timeout;

  /** @param baseUrl the OpenAI-compatible base, e.g. {@code http://127.0.0.1:8093/v1} */
  DirectCall(String baseUrl, Duration timeout) {
    this.chatCompletions = URI.create(baseUrl.endsWith("/") ? baseUrl + "chat/completions" : baseUrl + "/chat/completions");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Sends {@code body} and reads the whole stream; fails loudly on anything but a 200 event stream. */
  Result run(String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(chatCompletions).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    long t0 = System.nanoTime();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("The model server answered HTTP " + response.statusCode() + ": "
            + new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      SseChunks chunks = new SseChunks(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      StringBuilder text = new StringBuilder();
      long first = -1;
      long firstStep = -1;
      int pieces = 0;
      long tokens = -1;
      String finish = null;
      for (SseChunks.Chunk c = chunks.next(); c != null; c = chunks.next()) {
        if (c.content() != null && !c.content().isEmpty()) {
          long now = System.nanoTime();
          pieces++;
          first = first < 0 ? now : first;
          text.append(c.content());
          if (firstStep < 0 && JsonArrayElements.complete(text.toString()) >= 1) {
            firstStep = now;
          }
        }
        finish = c.finishReason() != null ? c.finishReason() : finish;
        tokens = c.completionTokens() >= 0 ? c.completionTokens() : tokens;
      }
      long end = System.nanoTime();
      return new Result(ms(first, t0), firstStep < 0 ? Double.NaN : (firstStep - t0) / 1e6, (end - t0) / 1e6, pieces,
          tokens, finish, text.toString());
    }
  }

  private static double ms(long at, long t0) {
    return at < 0 ? Double.NaN : (at - t0) / 1e6;
  }
}
